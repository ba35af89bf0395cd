package io.gaborflow.cli;

import io.gaborflow.robustness.AttackSetting;
import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.robustness.attack.Attack;
import io.gaborflow.robustness.attack.Fgsm;
import io.gaborflow.robustness.attack.Pgd;
import io.gaborflow.robustness.corruption.Corruption;
import io.gaborflow.robustness.corruption.RecordedCorruptions;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.export.ExportMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What a robustness evaluation measures, as {@code robustness} and {@code bench} take it. */
final class RobustnessOptions {
  /** Images per model call, unless told. */
  static final int BATCH_SIZE = 100;

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
      names = "--eot-samples",
      paramLabel = "K",
      description =
          "Model evaluations each attack gradient averages (expectation over transformation);"
              + " default: "
              + RobustnessEvaluation.STOCHASTIC_GRADIENT_SAMPLES
              + " for a model with noise, 1 otherwise.")
  Integer eotSamples;

  @Option(
      names = "--cifar10c",
      paramLabel = "DIR",
      description =
          "Corrupted images from CIFAR-10-C's files in DIR (<corruption>.npy and labels.npy) instead"
              + " of computing them: every file's corruption at --severities, on as many of each"
              + " severity's first images as the test images evaluated.")
  Path cifar10c;

  /**
   * The settings for {@code model}, in batches of {@code batchSize} images, with {@code seed}; no
   * computed corruptions where {@code --cifar10c} gives files.
   */
  RobustnessEvaluation.Settings settings(ExportMetadata model, int batchSize, long seed) {
    int samples =
        eotSamples != null ? eotSamples : RobustnessEvaluation.Settings.gradientSamplesFor(model);
    return new RobustnessEvaluation.Settings(
        cifar10c == null ? corruptionList() : List.of(),
        severities,
        attackSettings(),
        batchSize,
        seed,
        samples);
  }

  /**
   * CIFAR-10-C's files where {@code --cifar10c} names them, checked to be there and to hold images
   * the model takes.
   */
  Optional<RecordedCorruptions> recorded(ImageSize model) {
    if (cifar10c == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          RecordedCorruptions.in(cifar10c)
              .requireImagesOf(model.height(), model.width(), model.channels()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cifar10c: " + e.getMessage(), e);
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
