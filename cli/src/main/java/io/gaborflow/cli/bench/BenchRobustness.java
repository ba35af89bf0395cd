package io.gaborflow.cli.bench;

import io.gaborflow.robustness.RecordedCorruptionEvaluation;
import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.robustness.corruption.RecordedCorruptions;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The robustness part of a bench: every run is exported to its own folder, and the export is
 * evaluated on the same test images with the same corruptions and attacks, so that the variants'
 * figures compare.
 *
 * @param test the images every run is evaluated on, pixels in 0..1
 * @param settings what to measure for a model (its gradient samples depend on whether it adds
 *     noise)
 * @param exports where each run's export goes: {@code exports/<model>/seed-<seed>}
 * @param recorded CIFAR-10-C's files, whose corruptions replace computed ones where given (as many
 *     of each severity's first images as {@code test} holds)
 */
public record BenchRobustness(
    ImageSamples test,
    Function<ExportMetadata, RobustnessEvaluation.Settings> settings,
    Path exports,
    Optional<RecordedCorruptions> recorded) {

  /** Computed corruptions only. */
  public BenchRobustness(
      ImageSamples test,
      Function<ExportMetadata, RobustnessEvaluation.Settings> settings,
      Path exports) {
    this(test, settings, exports, Optional.empty());
  }

  /** Where the run of {@code model} with {@code seed} is exported. */
  public Path exportOf(String model, long seed) {
    return Bench.runFolder(exports, model, seed);
  }

  /** Whether that run's export is there already (a resumed bench reads it back). */
  boolean exported(String model, long seed) {
    return Files.exists(exportOf(model, seed).resolve(ModelExport.METADATA));
  }

  /**
   * Evaluates the export of {@code model}'s run with {@code seed}, logging a line to {@code log}.
   */
  RobustnessReport evaluate(String model, long seed, PrintStream log) {
    try (ExportedModel exported = ExportedModel.load(exportOf(model, seed))) {
      RobustnessEvaluation.Settings measured = settings.apply(exported.metadata());
      RobustnessEvaluation.Listener quiet = (done, total, part) -> {};
      RobustnessReport report = RobustnessEvaluation.run(exported, test, measured, quiet);
      if (recorded.isPresent()) {
        report =
            RecordedCorruptionEvaluation.into(
                report, exported, recorded.get(), test.size(), measured, quiet);
      }
      log.printf(
          "%-28s seed %d: robustness on %d images: clean %.4f, mean corruption %s, %.0f s%n",
          model,
          seed,
          report.images(),
          report.cleanAccuracy(),
          report.meanCorruptionAccuracy().isPresent()
              ? String.format("%.4f", report.meanCorruptionAccuracy().getAsDouble())
              : "-",
          report.seconds());
      return report;
    }
  }
}
