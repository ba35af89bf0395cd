package io.gaborflow.cli.bench;

import io.gaborflow.robustness.RobustnessReport;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A variant's runs over all seeds and what they add up to.
 *
 * @param accuracies final test accuracy of each seed's run
 * @param epochSeconds seconds of every epoch of every run
 * @param curves each seed's accuracy against training time
 * @param robustness each seed's robustness report, when the bench measured it (else empty)
 */
public record VariantResult(
    BenchVariant variant,
    String model,
    VariantFigures figures,
    List<Double> accuracies,
    List<Double> epochSeconds,
    List<TrainingCurve> curves,
    List<RobustnessReport> robustness) {

  /** Copies the lists. */
  public VariantResult {
    accuracies = List.copyOf(accuracies);
    epochSeconds = List.copyOf(epochSeconds);
    curves = List.copyOf(curves);
    robustness = List.copyOf(robustness);
  }

  /** A result without robustness figures. */
  public VariantResult(
      BenchVariant variant,
      String model,
      VariantFigures figures,
      List<Double> accuracies,
      List<Double> epochSeconds,
      List<TrainingCurve> curves) {
    this(variant, model, figures, accuracies, epochSeconds, curves, List.of());
  }

  /**
   * The median over the seeds of the training seconds to {@code target} accuracy; NaN when a seed
   * never reached it, so that a variant is not credited with its lucky runs only.
   */
  public double medianSecondsTo(double target) {
    List<Double> times = new ArrayList<>();
    for (TrainingCurve curve : curves) {
      OptionalDouble t = curve.secondsTo(target);
      if (t.isEmpty()) {
        return Double.NaN;
      }
      times.add(t.getAsDouble());
    }
    return median(times);
  }

  /** This result with the figures {@code other}. */
  public VariantResult withFigures(VariantFigures other) {
    return new VariantResult(variant, model, other, accuracies, epochSeconds, curves, robustness);
  }

  /**
   * The best validation accuracy of each seed's run, averaged over the seeds; NaN when the runs had
   * no validation split.
   */
  public double meanBestValidationAccuracy() {
    if (curves.isEmpty() || !curves.stream().allMatch(TrainingCurve::validation)) {
      return Double.NaN;
    }
    return curves.stream()
        .mapToDouble(c -> c.accuracy().stream().mapToDouble(Double::doubleValue).max().orElse(0))
        .average()
        .orElseThrow();
  }

  /** The median over the seeds of each run's training seconds, evaluation left out. */
  public double medianTrainingSeconds() {
    return median(
        curves.stream()
            .map(c -> c.seconds().isEmpty() ? 0.0 : c.seconds().get(c.seconds().size() - 1))
            .toList());
  }

  /** The test accuracy, averaged over the seeds. */
  public double meanAccuracy() {
    return accuracies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The sample standard deviation of the test accuracy over the seeds (0 for one seed). */
  public double accuracyStd() {
    double mean = meanAccuracy();
    if (accuracies.size() < 2) {
      return 0;
    }
    double squares = accuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
    return Math.sqrt(squares / (accuracies.size() - 1));
  }

  /** The median of all epochs' seconds. */
  public double medianEpochSeconds() {
    return median(epochSeconds);
  }

  /** How many times faster this variant's median epoch is than {@code baseline}'s. */
  public double epochSpeedupOver(VariantResult baseline) {
    return baseline.medianEpochSeconds() / medianEpochSeconds();
  }

  /** The median of {@code values}; NaN when there are none. */
  public static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n == 0
        ? Double.NaN
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
