package io.gaborflow.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A variant's runs over all seeds and what they add up to.
 *
 * @param accuracies final test accuracy of each seed's run
 * @param epochSeconds seconds of every epoch of every run
 */
public record VariantResult(
    BenchVariant variant,
    String model,
    VariantFigures figures,
    List<Double> accuracies,
    List<Double> epochSeconds) {

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
