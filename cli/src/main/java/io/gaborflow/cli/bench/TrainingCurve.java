package io.gaborflow.cli.bench;

import io.gaborflow.tensorflow.history.EpochResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One run's accuracy against its training time: after each epoch, the seconds of training so far
 * (evaluation left out) and the accuracy on the validation split, or on the test split when the
 * data has no validation split.
 *
 * @param seconds training seconds up to the end of each epoch, rising
 * @param accuracy the accuracy after each epoch
 * @param validation whether {@code accuracy} is on the validation split
 */
public record TrainingCurve(List<Double> seconds, List<Double> accuracy, boolean validation) {
  /** Copies the points and checks there is an accuracy per time. */
  public TrainingCurve {
    seconds = List.copyOf(seconds);
    accuracy = List.copyOf(accuracy);
    if (seconds.size() != accuracy.size()) {
      throw new IllegalArgumentException(
          seconds.size() + " times for " + accuracy.size() + " accuracies");
    }
  }

  /** The curve of a run's epochs. */
  public static TrainingCurve of(List<EpochResult> epochs) {
    boolean validation = !epochs.isEmpty() && epochs.stream().allMatch(EpochResult::validated);
    List<Double> seconds = new ArrayList<>();
    List<Double> accuracy = new ArrayList<>();
    double total = 0;
    for (EpochResult e : epochs) {
      total += e.seconds();
      seconds.add(total);
      accuracy.add(validation ? e.validationAccuracy() : e.testAccuracy());
    }
    return new TrainingCurve(seconds, accuracy, validation);
  }

  /**
   * The training seconds until the accuracy first reaches {@code target}, counted to the end of
   * that epoch; empty when it never does.
   */
  public OptionalDouble secondsTo(double target) {
    for (int i = 0; i < accuracy.size(); i++) {
      if (accuracy.get(i) >= target) {
        return OptionalDouble.of(seconds.get(i));
      }
    }
    return OptionalDouble.empty();
  }
}
