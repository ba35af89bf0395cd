package io.gaborflow.tensorflow.train;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A figure of a model's predictions over a split, reported beside loss and accuracy after every
 * evaluation: in {@code EpochResult.metrics()}, the console line, the JSON report and TensorBoard,
 * as {@code test/NAME} and {@code validation/NAME}. Add one with {@code
 * RunOptions.builder().metric(...)}.
 *
 * <p>A metric sees each evaluated batch's class probabilities (with flip evaluation, the mean of
 * each image's and its mirror's) and labels, and gives one number for the split. Most are a mean
 * over images, made with {@link #meanOverImages}:
 *
 * <pre>{@code
 * Metric confidence =
 *     Metric.meanOverImages("true_class_probability", (p, label) -> p[label]);
 * }</pre>
 */
public interface Metric {
  /** What names may be: lower case letters, digits and underscores, as TensorBoard tags. */
  Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** The metric's name in reports: lower case letters, digits and underscores. */
  String name();

  /** A fresh accumulator for one evaluation of one split. */
  Accumulator start();

  /** Gathers one evaluation's batches. */
  interface Accumulator {
    /**
     * Adds a batch: {@code probabilities} holds {@code count} rows of {@code classes} class
     * probabilities, {@code labels} their true classes.
     */
    void add(float[] probabilities, int[] labels, int count, int classes);

    /** The metric over the batches added. */
    double value();
  }

  /** How one image scores: its class probabilities and its true class. */
  @FunctionalInterface
  interface ImageScore {
    /** The score of an image with class probabilities {@code probabilities} and true class. */
    double score(float[] probabilities, int label);
  }

  /** The mean of {@code score} over the images of the split. */
  static Metric meanOverImages(String name, ImageScore score) {
    checkName(name);
    Objects.requireNonNull(score, "score");
    return new Metric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Accumulator start() {
        return new Accumulator() {
          private double sum;
          private long images;

          @Override
          public void add(float[] probabilities, int[] labels, int count, int classes) {
            float[] row = new float[classes];
            for (int i = 0; i < count; i++) {
              System.arraycopy(probabilities, i * classes, row, 0, classes);
              sum += score.score(row, labels[i]);
            }
            images += count;
          }

          @Override
          public double value() {
            return images == 0 ? Double.NaN : sum / images;
          }
        };
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /**
   * Top-{@code k} accuracy, named {@code topK_accuracy}: the share of images whose true class is
   * among the {@code k} most probable (ties counted against the true class).
   */
  static Metric topK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Metric.topK needs k of at least 1, got " + k);
    }
    return meanOverImages(
        "top" + k + "_accuracy",
        (p, label) -> {
          int above = 0;
          for (float q : p) {
            if (q >= p[label]) {
              above++;
            }
          }
          // The true class itself is counted once in 'above'.
          return above <= k ? 1 : 0;
        });
  }

  /** Fails, naming the rule, when {@code name} cannot be a metric's name. */
  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a metric's name must be lower case letters, digits and underscores, starting with a"
              + " letter (it becomes a report key and a TensorBoard tag); got "
              + name);
    }
  }
}
