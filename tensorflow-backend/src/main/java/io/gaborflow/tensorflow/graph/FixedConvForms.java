package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.Windows;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The forms of a fixed convolution, and the policy that chooses among them. */
final class FixedConvForms {
  private FixedConvForms() {}

  /** A fixed convolution's input size, kernel channels and filters, with its window. */
  record Geometry(ConvGeometry window, int height, int width, int kernelChannels, int filters) {}

  /** TensorFlow's Conv2D: any number of kernel channels. */
  static final FixedConvForm CONV2D =
      (tf, input, kernel, values, g) -> g.window().convolve(tf, input, kernel);

  /**
   * One input channel into n maps as a depthwise convolution with channel multiplier n: the same
   * [k, k, 1, n] kernel and result; TensorFlow's depthwise kernels run it faster than Conv2D, which
   * is tuned for many input channels.
   */
  static final FixedConvForm DEPTHWISE =
      (tf, input, kernel, values, g) ->
          tf.nn.depthwiseConv2dNative(
              input, kernel, g.window().strides(), g.window().paddingName());

  /**
   * One input channel as one matrix product with the dense convolution matrix ({@link
   * ConvolutionMatrix}).
   */
  static final FixedConvForm MATRIX =
      (tf, input, kernel, values, g) -> {
        int oh = ConvolutionMatrix.outputHeight(g.height(), g.window());
        int ow = ConvolutionMatrix.outputWidth(g.width(), g.window());
        float[] matrix =
            ConvolutionMatrix.of(values, g.height(), g.width(), g.window(), g.filters());
        Operand<TFloat32> constant =
            tf.stopGradient(
                tf.withName("matrix")
                    .constant(
                        Shape.of((long) g.height() * g.width(), (long) oh * ow * g.filters()),
                        DataBuffers.of(matrix, true, false)));
        Operand<TFloat32> flat =
            tf.reshape(input, tf.constant(new long[] {-1, (long) g.height() * g.width()}));
        return tf.reshape(
            tf.linalg.matMul(flat, constant), tf.constant(new long[] {-1, oh, ow, g.filters()}));
      };

  /**
   * One input channel as its k² shifted copies (one per kernel tap, stacked as rows) times the [k²,
   * n] kernel: a matrix product whose gradient, the same product transposed plus k² shifted
   * additions, replaces the depthwise convolution's input gradient.
   */
  static final FixedConvForm SHIFTED_COPIES =
      (tf, input, kernel, values, g) -> {
        ConvGeometry window = g.window();
        int k = window.size();
        int stride = window.stride();
        int oh = ConvolutionMatrix.outputHeight(g.height(), window);
        int ow = ConvolutionMatrix.outputWidth(g.width(), window);
        int top = Windows.padBefore(g.height(), k, stride, window.padding());
        int left = Windows.padBefore(g.width(), k, stride, window.padding());
        int bottom = Math.max((oh - 1) * stride + k - g.height() - top, 0);
        int right = Math.max((ow - 1) * stride + k - g.width() - left, 0);
        Operand<TFloat32> padded =
            top + bottom + left + right == 0
                ? input
                : tf.pad(
                    input,
                    tf.constant(new int[][] {{0, 0}, {top, bottom}, {left, right}, {0, 0}}),
                    tf.constant(0f));
        List<Operand<TFloat32>> taps = new ArrayList<>(k * k);
        Operand<TInt64> row = tf.constant(new long[] {1, -1});
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            // Slice's gradient is a Pad; StridedSlice's runs a generic kernel several times slower.
            Operand<TFloat32> tap =
                stride == 1
                    ? tf.slice(
                        padded,
                        tf.constant(new int[] {0, a, b, 0}),
                        tf.constant(new int[] {-1, oh, ow, 1}))
                    : tf.stridedSlice(
                        padded,
                        tf.constant(new int[] {0, a, b, 0}),
                        tf.constant(
                            new int[] {0, a + (oh - 1) * stride + 1, b + (ow - 1) * stride + 1, 1}),
                        tf.constant(new int[] {1, stride, stride, 1}),
                        StridedSlice.beginMask(1L),
                        StridedSlice.endMask(1L));
            taps.add(tf.reshape(tap, row));
          }
        }
        // One row per tap: stacking whole rows copies contiguous blocks, where joining k² maps of
        // one
        // channel each along the channel axis writes one value at a time.
        Operand<TFloat32> patches = tf.concat(taps, tf.constant(0));
        Operand<TFloat32> weights =
            tf.stopGradient(
                tf.withName("taps_kernel")
                    .constant(
                        Shape.of((long) k * k, g.filters()), DataBuffers.of(values, true, false)));
        Operand<TFloat32> product = tf.linalg.matMul(patches, weights, MatMul.transposeA(true));
        return tf.reshape(product, tf.constant(new long[] {-1, oh, ow, g.filters()}));
      };

  /**
   * The form for a fixed convolution. Only a constant single-channel kernel whose input gradient is
   * needed (a trained weight lies below, and the pass trains) takes a matrix form: the matrix
   * product when the dense matrix is small enough ({@link ConvolutionMatrix#pays}), the shifted
   * copies otherwise. Elsewhere the forward-cheapest form: depthwise for one channel, Conv2D for
   * more.
   *
   * <p>With {@code deterministic}, never the shifted copies: two graphs built alike and trained
   * alike with that form end with weights that differ in the last bits (the same graph repeats
   * exactly; bench/README.md), so the depthwise form, exact but slower, stands in for it.
   */
  static FixedConvForm choose(
      Geometry geometry, boolean constant, boolean inputGradientNeeded, boolean deterministic) {
    if (geometry.kernelChannels() != 1) {
      return CONV2D;
    }
    if (constant && inputGradientNeeded) {
      if (ConvolutionMatrix.pays(
          geometry.height(), geometry.width(), geometry.window(), geometry.filters())) {
        return MATRIX;
      }
      return deterministic ? DEPTHWISE : SHIFTED_COPIES;
    }
    return DEPTHWISE;
  }
}
