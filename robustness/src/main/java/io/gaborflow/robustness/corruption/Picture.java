package io.gaborflow.robustness.corruption;

/**
 * One image as corruptions see it: HWC floats in 0..1, row by row, the channels of a pixel
 * together.
 */
public record Picture(int height, int width, int channels, float[] pixels) {
  /** Checks that the pixels fill the shape. */
  public Picture {
    if (pixels.length != height * width * channels) {
      throw new IllegalArgumentException(
          height
              + "x"
              + width
              + "x"
              + channels
              + " needs "
              + height * width * channels
              + " pixels values, got "
              + pixels.length);
    }
  }

  /**
   * {@code value} as the reference stores it, uint8 of the value clipped to 0..1 times 255 (a
   * truncation, not a rounding), back in 0..1.
   */
  static float eightBits(double value) {
    return (float) Math.floor(Math.max(0, Math.min(1, value)) * 255) / 255f;
  }

  /** A picture of this shape with {@code values}. */
  Picture with(float[] values) {
    return new Picture(height, width, channels, values);
  }

  /** The value of channel {@code c} at row {@code y}, column {@code x}. */
  float at(int y, int x, int c) {
    return pixels[(y * width + x) * channels + c];
  }

  /** Whether the image is in colour: three channels, which HSV corruptions need. */
  boolean colour() {
    return channels == 3;
  }
}
