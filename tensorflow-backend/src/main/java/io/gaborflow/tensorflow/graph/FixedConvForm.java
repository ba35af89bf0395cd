package io.gaborflow.tensorflow.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One way to compute a convolution with a constant kernel. Every form gives the same values; they
 * differ in which TensorFlow kernels run forward and, above all, for the input gradient. {@link
 * FixedConvForms#choose} picks one; each is tested against TensorFlow's convolution.
 */
interface FixedConvForm {
  /**
   * The convolution of {@code input} ({@code [N, height, width, C]}) with {@code kernel}.
   *
   * @param kernel the kernel as an operand (a constant behind a stop-gradient, or a variable)
   * @param values the same kernel's values, HWIO
   */
  Operand<TFloat32> apply(
      Ops tf,
      Operand<TFloat32> input,
      Operand<TFloat32> kernel,
      float[] values,
      FixedConvForms.Geometry geometry);
}
