package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.model.GaborBasisBankSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A {@link GaborBasisBankSpec}: the basis as a constant depthwise kernel behind a stop-gradient
 * (TensorFlow prunes its filter gradient, and it is no variable, so the optimizer never sees it),
 * then a learned 1x1 convolution with the bank's only variables, its mixing kernel {@code [1, 1,
 * Cin x basis kernels, filters]} and bias.
 */
final class GaborBasisLowering {
  private GaborBasisLowering() {}

  static Operand<TFloat32> lower(
      LoweringContext context,
      Ops tf,
      Branches input,
      GaborBasisBankSpec bank,
      ConvGeometry geometry,
      boolean withBias) {
    int inChannels = context.inputShape().channels();
    FilterBank basis = FilterBank.of(bank.basis(), geometry.size());
    Operand<TFloat32> depthwiseKernel =
        tf.stopGradient(
            tf.withName("basis")
                .constant(
                    Shape.of(geometry.size(), geometry.size(), inChannels, basis.filterCount()),
                    DataBuffers.of(basis.toDepthwise(inChannels), true, false)));
    Operand<TFloat32> responses =
        tf.withName("basis_responses")
            .nn
            .depthwiseConv2dNative(
                input.joined(tf).value(),
                depthwiseKernel,
                geometry.strides(),
                geometry.paddingName());
    int mixed = bank.mixedChannels(inChannels);
    VariableRegistry registry = context.registry();
    VariableKey kernelKey = context.key(bank.name(), VariableKey.Role.KERNEL);
    Variable<TFloat32> mixing =
        registry.learnable(
            kernelKey,
            Shape.of(1, 1, mixed, bank.filters()),
            bank.initializer(),
            mixed,
            bank.filters(),
            null,
            null);
    registry.learnedBank(kernelKey.ownerPath(), mixing);
    Operand<TFloat32> out =
        tf.withName("mixing").nn.conv2d(responses, mixing, List.of(1L, 1L, 1L, 1L), "VALID");
    if (!withBias) {
      return out;
    }
    Variable<TFloat32> bias =
        registry.learnable(
            context.key(bank.name(), VariableKey.Role.BIAS),
            Shape.of(bank.filters()),
            null,
            mixed,
            bank.filters(),
            null,
            null);
    return tf.nn.biasAdd(out, bias);
  }
}
