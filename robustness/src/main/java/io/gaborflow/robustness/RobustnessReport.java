package io.gaborflow.robustness;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * What {@link RobustnessEvaluation} measured: accuracy on the clean images, on each corruption at
 * each severity, and under each attack at each budget, over the same images.
 *
 * @param model the export's model name
 * @param images how many test images every figure is over
 * @param seed the seed of the corruptions' noise and the attacks' random starts
 * @param gradientSamples the model evaluations each attack gradient averaged
 * @param cleanAccuracy on the images as they are
 * @param corruptions one row per corruption and severity
 * @param attacks one row per attack and budget
 * @param notApplicable corruptions asked for that these images cannot take, and why
 * @param corruptionSource where the corrupted images came from: computed by gaborflow, or files
 * @param seconds the evaluation's wall time
 */
public record RobustnessReport(
    String model,
    int images,
    long seed,
    int gradientSamples,
    double cleanAccuracy,
    List<CorruptionResult> corruptions,
    List<AttackResult> attacks,
    List<String> notApplicable,
    String corruptionSource,
    double seconds) {

  /** What {@link #corruptionSource} says of corruptions gaborflow computes. */
  public static final String COMPUTED = "computed by gaborflow (docs/robustness.md)";

  /** Copies the lists. */
  public RobustnessReport {
    corruptions = List.copyOf(corruptions);
    attacks = List.copyOf(attacks);
    notApplicable = List.copyOf(notApplicable);
  }

  /**
   * This report with {@code corruptions} from {@code source} in place of its own, and their seconds
   * added.
   */
  public RobustnessReport withCorruptions(
      List<CorruptionResult> corruptions, String source, double moreSeconds) {
    return new RobustnessReport(
        model,
        images,
        seed,
        gradientSamples,
        cleanAccuracy,
        corruptions,
        attacks,
        List.of(),
        source,
        seconds + moreSeconds);
  }

  /** Accuracy on one corruption at one severity. */
  public record CorruptionResult(String corruption, String kind, int severity, double accuracy) {}

  /**
   * Accuracy on the images one attack produced at one budget.
   *
   * @param attack {@code fgsm}, {@code pgd-linf} or {@code pgd-l2}
   * @param norm the budget's norm
   * @param epsilon the budget, in pixel values (0..1)
   * @param accuracy on the attacked images, re-evaluated
   * @param meanPerturbation the mean over images of the change's size in that norm
   */
  public record AttackResult(
      String attack, String norm, double epsilon, double accuracy, double meanPerturbation) {}

  /** The mean accuracy over every corruption and severity measured (CIFAR-10-C's summary). */
  public OptionalDouble meanCorruptionAccuracy() {
    return corruptions.stream().mapToDouble(CorruptionResult::accuracy).average();
  }

  /** The accuracy under {@code attack} at {@code epsilon}, if it was measured. */
  public OptionalDouble attackAccuracy(String attack, double epsilon) {
    return attacks.stream()
        .filter(a -> a.attack().equals(attack) && Math.abs(a.epsilon() - epsilon) < 1e-12)
        .mapToDouble(AttackResult::accuracy)
        .findFirst();
  }

  /** The report as Markdown: a summary line, then the corruption grid and the attack table. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "# Robustness of %s%n%n%d test images, seed %d, %.0f s%s. Clean accuracy **%.4f**",
            model,
            images,
            seed,
            seconds,
            gradientSamples > 1
                ? ", attack gradients averaged over " + gradientSamples + " evaluations"
                : "",
            cleanAccuracy));
    meanCorruptionAccuracy()
        .ifPresent(
            m -> md.append(String.format(Locale.ROOT, "; mean corruption accuracy **%.4f**", m)));
    md.append(".\n");
    if (!corruptions.isEmpty() && !corruptionSource.equals(COMPUTED)) {
      md.append("\nCorrupted images: ").append(corruptionSource).append(".\n");
    }
    for (String note : notApplicable) {
      md.append("\nNot measured: ").append(note).append('\n');
    }
    if (!corruptions.isEmpty()) {
      List<Integer> severities =
          corruptions.stream().map(CorruptionResult::severity).distinct().sorted().toList();
      md.append("\n| corruption | kind |")
          .append(severities.stream().map(s -> " " + s + " |").collect(Collectors.joining()))
          .append(" mean |\n|---|---|")
          .append("---|".repeat(severities.size() + 1))
          .append('\n');
      for (String id : corruptions.stream().map(CorruptionResult::corruption).distinct().toList()) {
        List<CorruptionResult> rows =
            corruptions.stream().filter(c -> c.corruption().equals(id)).toList();
        md.append("| ").append(id).append(" | ").append(rows.get(0).kind()).append(" |");
        for (int severity : severities) {
          md.append(
              rows.stream()
                  .filter(r -> r.severity() == severity)
                  .findFirst()
                  .map(r -> String.format(Locale.ROOT, " %.4f |", r.accuracy()))
                  .orElse(" |"));
        }
        md.append(
            String.format(
                Locale.ROOT,
                " %.4f |%n",
                rows.stream().mapToDouble(CorruptionResult::accuracy).average().orElse(0)));
      }
    }
    if (!attacks.isEmpty()) {
      md.append("\n| attack | norm | ε | ε × 255 (L∞) | accuracy | mean perturbation |\n")
          .append("|---|---|---|---|---|---|\n");
      for (AttackResult a : attacks) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.5f | %s | %.4f | %.5f |%n",
                a.attack(),
                a.norm(),
                a.epsilon(),
                a.norm().equals("linf")
                    ? String.format(Locale.ROOT, "%.2f", a.epsilon() * 255)
                    : "",
                a.accuracy(),
                a.meanPerturbation()));
      }
    }
    return md.toString();
  }
}
