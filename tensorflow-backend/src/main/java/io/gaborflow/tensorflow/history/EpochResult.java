package io.gaborflow.tensorflow.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's figures.
 *
 * @param seconds wall time of the training steps only (evaluation excluded)
 * @param trainLoss mean loss over the epoch's steps
 * @param inputWaitSeconds the part of {@code seconds} spent waiting for the next batch to be read
 * @param validationLoss loss on the validation split, NaN when the data has none
 * @param validationAccuracy accuracy on the validation split, NaN when the data has none
 * @param metrics the run's own metrics by split and name ({@code test/top2_accuracy}, {@code
 *     validation/top2_accuracy}), validation first, each split in the run's order
 */
public record EpochResult(
    int epoch,
    int epochs,
    double seconds,
    double trainLoss,
    double testLoss,
    double testAccuracy,
    int images,
    double inputWaitSeconds,
    double validationLoss,
    double validationAccuracy,
    Map<String, Double> metrics) {

  /** The prefix of the test split's metrics. */
  public static final String TEST = "test/";

  /** The prefix of the validation split's metrics. */
  public static final String VALIDATION = "validation/";

  /** Copies the metrics, keeping their order; none when absent (a checkpoint of older figures). */
  public EpochResult {
    metrics =
        metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The metrics of one epoch's two evaluations, under their splits' prefixes. */
  public static Map<String, Double> metrics(
      Map<String, Double> validation, Map<String, Double> test) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    validation.forEach((name, value) -> metrics.put(VALIDATION + name, value));
    test.forEach((name, value) -> metrics.put(TEST + name, value));
    return metrics;
  }

  /** The metrics of one split ({@link #TEST} or {@link #VALIDATION}), by name. */
  public Map<String, Double> metricsOf(String split) {
    Map<String, Double> of = new LinkedHashMap<>();
    metrics.forEach(
        (key, value) -> {
          if (key.startsWith(split)) {
            of.put(key.substring(split.length()), value);
          }
        });
    return of;
  }

  /** An epoch of a run without a validation split. */
  public EpochResult(
      int epoch,
      int epochs,
      double seconds,
      double trainLoss,
      double testLoss,
      double testAccuracy,
      int images,
      double inputWaitSeconds) {
    this(
        epoch,
        epochs,
        seconds,
        trainLoss,
        testLoss,
        testAccuracy,
        images,
        inputWaitSeconds,
        Double.NaN,
        Double.NaN,
        Map.of());
  }

  /** An epoch whose input wait was not measured. */
  public EpochResult(
      int epoch,
      int epochs,
      double seconds,
      double trainLoss,
      double testLoss,
      double testAccuracy,
      int images) {
    this(epoch, epochs, seconds, trainLoss, testLoss, testAccuracy, images, 0);
  }

  /**
   * The epoch of {@code epochs} with the best validation accuracy, the first of equals: the one a
   * run keeps the checkpoint of; empty when none was validated.
   */
  public static java.util.Optional<EpochResult> bestValidated(java.util.List<EpochResult> epochs) {
    EpochResult best = null;
    for (EpochResult e : epochs) {
      if (e.validated() && (best == null || e.validationAccuracy() > best.validationAccuracy())) {
        best = e;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** Whether the epoch was evaluated on a validation split. */
  public boolean validated() {
    return !Double.isNaN(validationAccuracy);
  }

  /** The share of the epoch's training time spent waiting for input, 0 to 1. */
  public double inputStall() {
    return seconds > 0 ? inputWaitSeconds / seconds : 0;
  }

  /** Training throughput of the epoch. */
  public double imagesPerSecond() {
    return seconds > 0 ? images / seconds : 0;
  }

  /**
   * One line for logs: "epoch 1/2: train loss 0.5123, test loss ..., test accuracy 0.8612, ...".
   */
  public String summary() {
    String validation =
        validated()
            ? String.format(
                "validation loss %.4f, validation accuracy %.4f, ",
                validationLoss, validationAccuracy)
            : "";
    StringBuilder own = new StringBuilder();
    metrics.forEach(
        (key, value) -> own.append(String.format(", %s %.4f", key.replace('/', ' '), value)));
    return String.format(
        "epoch %d/%d: train loss %.4f, %stest loss %.4f, test accuracy %.4f%s, %.1f s, %.0f images/s, input wait %.1f %%",
        epoch,
        epochs,
        trainLoss,
        validation,
        testLoss,
        testAccuracy,
        own,
        seconds,
        imagesPerSecond(),
        100 * inputStall());
  }
}
