package io.gaborflow.tensorflow.graph;

import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A learned kernel of a layer built as one convolution ({@link LayerForm#SPLIT_GRADIENT}) whose
 * gradient the trainer computes itself. The layer's convolution reads the kernel through a
 * stop-gradient, so TensorFlow's own gradient of that convolution computes the input gradient only;
 * the trainer asks for the gradient of the layer's output and turns the bank's own output channels
 * of it into the kernel's gradient. A filter gradient over the whole layer would compute the fixed
 * banks' share as well and throw it away.
 */
public final class KernelGradientSite {
  private final Variable<TFloat32> kernel;
  private final Operand<TFloat32> layerOutput;
  private final int firstChannel;
  private final int channels;
  private final ConvGeometry geometry;

  KernelGradientSite(
      Variable<TFloat32> kernel,
      Operand<TFloat32> layerOutput,
      int firstChannel,
      int channels,
      ConvGeometry geometry) {
    this.kernel = kernel;
    this.layerOutput = layerOutput;
    this.firstChannel = firstChannel;
    this.channels = channels;
    this.geometry = geometry;
  }

  /** The learned kernel. */
  public Variable<TFloat32> kernel() {
    return kernel;
  }

  /**
   * The layer's convolution output, before bias and activation, whose gradient is needed; the
   * convolution op's own input is the filter gradient's input too.
   */
  public Output<TFloat32> layerOutput() {
    return layerOutput.asOutput();
  }

  /**
   * The kernel's gradient from {@code outputGradient}, the loss's gradient with respect to {@link
   * #layerOutput()}: the filter gradient of the bank's own output channels only.
   */
  public Operand<TFloat32> gradient(Ops tf, Operand<TFloat32> outputGradient) {
    Operand<TFloat32> own =
        tf.slice(
            outputGradient,
            tf.constant(new int[] {0, 0, 0, firstChannel}),
            tf.constant(new int[] {-1, -1, -1, channels}));
    @SuppressWarnings("unchecked")
    Operand<TFloat32> convolved = (Operand<TFloat32>) ((GraphOperation) layerOutput.op()).input(0);
    return geometry.kernelGradient(tf, convolved, kernel, own);
  }
}
