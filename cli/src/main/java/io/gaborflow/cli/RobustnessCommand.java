package io.gaborflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.cli.render.RobustnessCharts;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.robustness.AttackSetting;
import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.robustness.attack.Attack;
import io.gaborflow.robustness.attack.Fgsm;
import io.gaborflow.robustness.attack.Pgd;
import io.gaborflow.robustness.corruption.Corruption;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
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

  @Option(
      names = "--corruptions",
      split = ",",
      paramLabel = "NAME",
      description = "Corruptions to apply, or none (default: all of them).")
  List<String> corruptions = List.of("all");

  @Option(
      names = "--severities",
      split = ",",
      description = "Severities 1-5 of every corruption (default: ${DEFAULT-VALUE}).")
  List<Integer> severities = List.of(1, 2, 3, 4, 5);

  @Option(
      names = "--attacks",
      split = ",",
      description = "Attacks: fgsm, pgd-linf, pgd-l2, or none (default: ${DEFAULT-VALUE}).")
  List<String> attacks = List.of("fgsm", "pgd-linf", "pgd-l2");

  @Option(
      names = "--epsilons",
      split = ",",
      description =
          "L∞ budgets in pixel levels of 255, for fgsm and pgd-linf (default: ${DEFAULT-VALUE}).")
  List<Double> epsilons = List.of(1.0, 2.0, 4.0, 8.0);

  @Option(
      names = "--l2-epsilons",
      split = ",",
      description =
          "L2 budgets for pgd-l2, the change's length over an image with pixels in 0..1"
              + " (default: ${DEFAULT-VALUE}).")
  List<Double> l2Epsilons = List.of(0.25, 0.5);

  @Option(
      names = "--pgd-steps",
      description = "PGD's steps (default: ${DEFAULT-VALUE}, Madry et al.).")
  int pgdSteps = 10;

  @Option(
      names = "--pgd-step",
      description = "PGD's step as a fraction of ε (default: ${DEFAULT-VALUE}, Madry et al.).")
  double pgdStep = 0.25;

  @Option(names = "--no-random-start", description = "Start PGD at the image itself.")
  boolean noRandomStart;

  @Option(
      names = "--batch-size",
      description = "Images per model call (default: ${DEFAULT-VALUE}).")
  int batchSize = 100;

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
          "Write attacks.png (accuracy against ε) and corruptions.png (a heat map) to DIR.")
  Path charts;

  @Override
  public Integer call() {
    RobustnessEvaluation.Settings settings =
        new RobustnessEvaluation.Settings(
            corruptionList(), severities, attackSettings(), batchSize, seed);
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      ExportMetadata metadata = model.metadata();
      ImageSamples test =
          DaggerDataComponent.create()
              .dataSources()
              .load(
                  DataSpec.parse(data)
                      .limited(0, images, seed)
                      .forModelInput(
                          new ImageSize(metadata.height(), metadata.width(), metadata.channels())))
              .test();
      System.out.printf(
          "%s on %d test images of %s: %d corruptions x %d severities, %d attack budgets%n",
          metadata.model(),
          test.size(),
          data,
          settings.corruptions().size(),
          settings.severities().size(),
          settings.attacks().stream().mapToInt(a -> a.epsilons().size()).sum());
      RobustnessReport result;
      if (System.console() == null) {
        // Logs and pipes: a line at each tenth instead of a redrawn bar.
        int[] tenths = {0};
        result =
            RobustnessEvaluation.run(
                model,
                test,
                settings,
                (done, total, part) -> {
                  if (done * 10 / total > tenths[0]) {
                    tenths[0] = (int) (done * 10 / total);
                    System.out.printf("robustness: %d %% (%s)%n", tenths[0] * 10, part);
                  }
                });
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
      System.out.print(result.markdown());
      write(result);
    }
    return 0;
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

  private List<Corruption> corruptionList() {
    if (corruptions.size() == 1 && corruptions.get(0).equals("all")) {
      return List.of(Corruption.values());
    }
    if (corruptions.size() == 1 && corruptions.get(0).equals("none")) {
      return List.of();
    }
    List<Corruption> list = new ArrayList<>();
    for (String name : corruptions) {
      try {
        list.add(Corruption.of(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--corruptions: " + e.getMessage(), e);
      }
    }
    return list;
  }

  private List<AttackSetting> attackSettings() {
    List<AttackSetting> list = new ArrayList<>();
    if (attacks.size() == 1 && attacks.get(0).equals("none")) {
      return list;
    }
    List<Double> linf = epsilons.stream().map(e -> e / 255).toList();
    for (String name : attacks) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "fgsm" -> list.add(new AttackSetting(new Fgsm(), linf));
        case "pgd-linf" -> list.add(new AttackSetting(pgd(Attack.Norm.LINF), linf));
        case "pgd-l2" -> list.add(new AttackSetting(pgd(Attack.Norm.L2), l2Epsilons));
        default ->
            throw new IllegalArgumentException(
                "--attacks: no attack '" + name + "'; use fgsm, pgd-linf, pgd-l2 or none");
      }
    }
    return list;
  }

  private Pgd pgd(Attack.Norm norm) {
    return new Pgd(norm, pgdSteps, pgdStep, !noRandomStart);
  }
}
