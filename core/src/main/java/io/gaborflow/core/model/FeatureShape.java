package io.gaborflow.core.model;

/**
 * The shape of one example as it flows between layers: height x width x channels for a feature map,
 * or {@code 1 x 1 x n} with {@code flat} set for a vector.
 */
public record FeatureShape(int height, int width, int channels, boolean flat) {

  /** A feature map of {@code height} x {@code width} x {@code channels}. */
  public static FeatureShape spatial(int height, int width, int channels) {
    return new FeatureShape(height, width, channels, false);
  }

  /** A vector of {@code length} values. */
  public static FeatureShape vector(int length) {
    return new FeatureShape(1, 1, length, true);
  }

  /** Values per example: height x width x channels. */
  public int elements() {
    return height * width * channels;
  }

  @Override
  public String toString() {
    return flat ? "vector of " + channels : height + "x" + width + "x" + channels;
  }
}
