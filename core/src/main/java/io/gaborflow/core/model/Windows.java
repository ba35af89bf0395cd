package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Padding;

/** Output sizes of sliding windows (convolution and pooling), as TensorFlow computes them. */
public final class Windows {
  private Windows() {}

  /** The output length along one axis; below 1 when the window does not fit. */
  public static int outputSize(int input, int window, int stride, Padding padding) {
    if (padding == Padding.SAME) {
      return (input + stride - 1) / stride;
    }
    return input < window ? 0 : (input - window) / stride + 1;
  }

  /**
   * Zeros TensorFlow pads before the first input element: SAME splits the padding, the odd one
   * after.
   */
  public static int padBefore(int input, int window, int stride, Padding padding) {
    return padTotal(input, window, stride, padding) / 2;
  }

  /** Zeros TensorFlow pads after the last input element: SAME's odd one goes here. */
  public static int padAfter(int input, int window, int stride, Padding padding) {
    int total = padTotal(input, window, stride, padding);
    return total - total / 2;
  }

  private static int padTotal(int input, int window, int stride, Padding padding) {
    if (padding == Padding.VALID) {
      return 0;
    }
    int total = (outputSize(input, window, stride, padding) - 1) * stride + window - input;
    return Math.max(total, 0);
  }
}
