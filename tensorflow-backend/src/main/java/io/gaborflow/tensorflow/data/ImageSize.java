package io.gaborflow.tensorflow.data;

/** The size images are read at: height x width, grey (1 channel) or RGB (3). */
public record ImageSize(int height, int width, int channels) {
  /** Checks every dimension is positive. */
  public ImageSize {
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException(
          "image size must be positive with 1 or 3 channels, got " + height + "x" + width + "x" + channels);
    }
  }
}
