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
}
