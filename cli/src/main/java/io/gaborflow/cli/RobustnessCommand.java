package io.gaborflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.cli.render.ExampleGrid;
import io.gaborflow.cli.render.RobustnessCharts;
import io.gaborflow.robustness.RecordedCorruptionEvaluation;
import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.robustness.RobustnessExamples;
import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.robustness.corruption.RecordedCorruptions;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "robustness",
    mixinStandardHelpOptions = true,
    description = {
      "What an exported model withstands on a test split: its accuracy under the common corruptions",
      "of CIFAR-10-C (Hendrycks and Dietterich 2019) at each severity, and on the images white-box",
      "attacks (FGSM, PGD) produce through the model's own graph at each budget. docs/robustness.md",
      "gives every formula."
    },
    sortOptions = false)
public final class RobustnessCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "An exported model (train --export-dir).")
  Path modelDir;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "SPEC",
      description = "The data whose test split is evaluated, as train's --data takes it.")
  String data;

  @Option(
      names = "--images",
      paramLabel = "N",
      description = "A seeded, class-balanced subset of N test images (default: all).")
  int images;

  @Mixin RobustnessOptions measured = new RobustnessOptions();

  @Option(
      names = "--batch-size",
      description = "Images per model call (default: ${DEFAULT-VALUE}).")
  int batchSize = RobustnessOptions.BATCH_SIZE;

  @Option(
      names = "--seed",
      description =
          "Seed of the corruptions' noise, the attacks' random starts and the image subset"
              + " (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Write the figures as JSON to FILE, and as Markdown beside it (.md for .json).")
  Path report;

  @Option(
      names = "--charts",
      paramLabel = "DIR",
      description =
          "Write attacks.png (accuracy against ε), corruptions.png (a heat map) and examples.png"
              + " (a few images, clean and attacked at each attack's largest ε) to DIR.")
  Path charts;

  /** Images in the examples picture. */
  private static final int EXAMPLES = 6;

  @Override
  public Integer call() {
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      ExportMetadata metadata = model.metadata();
      RobustnessEvaluation.Settings settings = measured.settings(metadata, batchSize, seed);
      ImageSize size = new ImageSize(metadata.height(), metadata.width(), metadata.channels());
      Optional<RecordedCorruptions> recorded = measured.recorded(size);
      ImageSamples test = EvaluationImages.test(data, images, seed, size);
      System.out.printf(
          "%s on %d test images of %s: %d corruptions x %d severities, %d attack budgets%n",
          metadata.model(),
          test.size(),
          data,
          settings.corruptions().stream().filter(c -> c.appliesTo(metadata.channels())).count(),
          settings.severities().size(),
          settings.attacks().stream().mapToInt(a -> a.epsilons().size()).sum());
      RobustnessReport result;
      if (System.console() == null) {
        result = RobustnessEvaluation.run(model, test, settings, inTenths("robustness"));
      } else {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("robustness")
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(1)
                .continuousUpdate()
                .build()) {
          result =
              RobustnessEvaluation.run(
                  model,
                  test,
                  settings,
                  (done, total, part) -> {
                    bar.maxHint(total);
                    bar.stepTo(done);
                    bar.setExtraMessage(part);
                  });
        }
      }
      if (recorded.isPresent()) {
        RecordedCorruptions files = recorded.get();
        System.out.printf(
            "and CIFAR-10-C's files in %s: %s%n", files.folder(), String.join(", ", files.names()));
        result =
            RecordedCorruptionEvaluation.into(
                result, model, files, images, settings, inTenths("cifar-10-c"));
      }
      System.out.print(result.markdown());
      write(result);
      if (charts != null && !settings.attacks().isEmpty()) {
        ExampleGrid.write(
            RobustnessExamples.of(model, test, settings, EXAMPLES), charts.resolve("examples.png"));
        System.out.println("wrote examples.png: " + EXAMPLES + " images, clean and attacked");
      }
    }
    return 0;
  }

  /** Progress for logs and pipes: a line at each tenth instead of a redrawn bar. */
  private static RobustnessEvaluation.Listener inTenths(String task) {
    int[] tenths = {0};
    return (done, total, part) -> {
      if (done * 10 / total > tenths[0]) {
        tenths[0] = (int) (done * 10 / total);
        System.out.printf("%s: %d %% (%s)%n", task, tenths[0] * 10, part);
      }
    };
  }

  private void write(RobustnessReport result) {
    try {
      if (report != null) {
        ObjectNode json = JSON.valueToTree(result);
        result.meanCorruptionAccuracy().ifPresent(m -> json.put("mean_corruption_accuracy", m));
        createParent(report);
        JSON.writeValue(report.toFile(), json);
        String name = report.getFileName().toString();
        Path markdown =
            report.resolveSibling(
                (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
        Files.writeString(markdown, result.markdown());
        System.out.println("wrote " + report + " and " + markdown);
      }
      if (charts != null) {
        Files.createDirectories(charts);
        if (!result.attacks().isEmpty()) {
          RobustnessCharts.writeAttacks(result, charts.resolve("attacks.png"));
        }
        if (!result.corruptions().isEmpty()) {
          RobustnessCharts.writeCorruptions(result, charts.resolve("corruptions.png"));
        }
        System.out.println("wrote the charts to " + charts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
