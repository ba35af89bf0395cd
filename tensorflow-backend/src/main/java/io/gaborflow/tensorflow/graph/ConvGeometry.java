package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Padding;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Kernel size, stride and padding shared by all banks of one convolution layer. */
record ConvGeometry(int size, int stride, Padding padding) {
  List<Long> strides() {
    return List.of(1L, (long) stride, (long) stride, 1L);
  }

  String paddingName() {
    return padding.name();
  }

  /**
   * The convolution of {@code input} with {@code kernel} ([size, size, in, out]). A 1x1 kernel with
   * a stride is built as every stride-th pixel, then a convolution without stride: the same values
   * (a 1x1 window needs no padding, SAME or VALID), and it avoids TensorFlow's strided Conv2D
   * gradient for windows smaller than the stride, which corrupts the native heap on AVX2 CPUs
   * (docs/reliability.md).
   */
  Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> input, Operand<TFloat32> kernel) {
    return tf.nn.conv2d(convolved(tf, input), kernel, convolvedStrides(), convolvedPadding());
  }

  /**
   * The gradient of a loss with respect to {@code kernel} of {@link #convolve}, given what its
   * convolution op read ({@code convolved}: the input, or its subsample) and the loss's gradient
   * with respect to the convolution's output: TensorFlow's filter gradient on the same operands.
   */
  Operand<TFloat32> kernelGradient(
      Ops tf,
      Operand<TFloat32> convolved,
      Operand<TFloat32> kernel,
      Operand<TFloat32> outputGradient) {
    return tf.nn.conv2dBackpropFilter(
        convolved, tf.shape(kernel), outputGradient, convolvedStrides(), convolvedPadding());
  }

  /** What the convolution op reads: the input, or every stride-th pixel of it (see convolve). */
  private Operand<TFloat32> convolved(Ops tf, Operand<TFloat32> input) {
    if (!subsampled()) {
      return input;
    }
    return tf.withName("subsample")
        .stridedSlice(
            input,
            tf.constant(new int[] {0, 0, 0, 0}),
            tf.constant(new int[] {0, 0, 0, 0}),
            tf.constant(new int[] {1, stride, stride, 1}),
            org.tensorflow.op.core.StridedSlice.beginMask(15L),
            org.tensorflow.op.core.StridedSlice.endMask(15L));
  }

  private List<Long> convolvedStrides() {
    return subsampled() ? List.of(1L, 1L, 1L, 1L) : strides();
  }

  private String convolvedPadding() {
    return subsampled() ? "VALID" : paddingName();
  }

  private boolean subsampled() {
    return size == 1 && stride > 1;
  }
}
