package io.gaborflow.tensorflow.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mean loss and accuracy of a model over a set of images, and the run's {@link Metric}s.
 *
 * @param metrics each metric's value by its name, in the order the run lists them
 */
public record Evaluation(double loss, double accuracy, int images, Map<String, Double> metrics) {
  /** Copies the metrics, keeping their order. */
  public Evaluation {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** An evaluation without metrics beyond loss and accuracy. */
  public Evaluation(double loss, double accuracy, int images) {
    this(loss, accuracy, images, Map.of());
  }
}
