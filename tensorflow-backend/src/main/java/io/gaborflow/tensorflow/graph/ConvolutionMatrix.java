package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.Windows;

/**
 * A convolution of one input channel into {@code n} maps with a constant kernel, written as one
 * matrix: the image flattened to {@code h·w} values, times this {@code (h·w) x (oh·ow·n)} matrix,
 * gives the output flattened in NHWC order.
 *
 * <p>Why: on small maps this costs several times the multiply-accumulates of the convolution, but a
 * matrix product and its gradient run on the fastest kernels there are, while TensorFlow's
 * single-channel convolutions and their input gradients run on slow generic ones (figures in
 * bench/README.md).
 */
final class ConvolutionMatrix {
  /**
   * Matrices larger than this (4 MB) stay convolutions: the constant would bloat graph and export.
   */
  static final long MAX_ENTRIES = 1L << 20;

  /** At most this many times the convolution's multiply-accumulates. */
  static final int MAX_WORK_RATIO = 8;

  private ConvolutionMatrix() {}

  /** Whether the matrix form pays off for this input size and geometry. */
  static boolean pays(int height, int width, ConvGeometry geometry, int filters) {
    long inputs = (long) height * width;
    long entries = inputs * outputHeight(height, geometry) * outputWidth(width, geometry) * filters;
    return entries <= MAX_ENTRIES
        && inputs <= (long) MAX_WORK_RATIO * geometry.size() * geometry.size();
  }

  /**
   * The matrix for {@code kernel}, laid out [k, k, 1, n] as TensorFlow's HWIO, row-major with one
   * row per input pixel.
   */
  static float[] of(float[] kernel, int height, int width, ConvGeometry geometry, int filters) {
    int k = geometry.size();
    int stride = geometry.stride();
    int oh = outputHeight(height, geometry);
    int ow = outputWidth(width, geometry);
    int top = Windows.padBefore(height, k, stride, geometry.padding());
    int left = Windows.padBefore(width, k, stride, geometry.padding());
    int columns = oh * ow * filters;
    float[] matrix = new float[Math.toIntExact((long) height * width * columns)];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int a = 0; a < k; a++) {
          int row = i * stride + a - top;
          if (row < 0 || row >= height) {
            continue; // a padding zero
          }
          for (int b = 0; b < k; b++) {
            int col = j * stride + b - left;
            if (col < 0 || col >= width) {
              continue;
            }
            int from = (a * k + b) * filters;
            int to = (row * width + col) * columns + (i * ow + j) * filters;
            System.arraycopy(kernel, from, matrix, to, filters);
          }
        }
      }
    }
    return matrix;
  }

  static int outputHeight(int height, ConvGeometry geometry) {
    return Windows.outputSize(height, geometry.size(), geometry.stride(), geometry.padding());
  }

  static int outputWidth(int width, ConvGeometry geometry) {
    return Windows.outputSize(width, geometry.size(), geometry.stride(), geometry.padding());
  }
}
