package io.gaborflow.cli.bench;

import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public record BenchRobustness(
    ImageSamples test,
    Function<ExportMetadata, RobustnessEvaluation.Settings> settings,
    Path exports) {

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
      RobustnessReport report =
          RobustnessEvaluation.run(
              exported, test, settings.apply(exported.metadata()), (done, total, part) -> {});
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
