package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.model.GaborBasisBankSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A {@link GaborBasisBankSpec}. Its one kernel variable is the mixing kernel {@code [1, 1, Cin x
 * basis kernels, filters]} of the depthwise-then-1x1 form the bank is declared as; the graph
 * composes it with the basis into the equivalent {@code [k, k, Cin, filters]} kernel ({@code W[.,
 * ., c, o] = sum over k of basis_k * mixing[c * K + k, o]}) and runs one ordinary convolution. The
 * basis is a constant behind a stop-gradient, so it has no gradient, no variable and no optimizer
 * state; the mixing kernel's gradient is the filter gradient of the convolution, projected onto the
 * basis. The same values as a depthwise convolution followed by a 1x1 one, which oneDNN runs
 * several times slower on CPUs (bench/README.md).
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
    int size = geometry.size();
    FilterBank basis = FilterBank.of(bank.basis(), size);
    int kernels = basis.filterCount();
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
    // [k*k, K]: basis kernel f's pixel p at [p, f], as toDepthwise lays it out for one channel.
    Operand<TFloat32> basisMatrix =
        tf.stopGradient(
            tf.withName("basis")
                .constant(
                    Shape.of((long) size * size, kernels),
                    DataBuffers.of(basis.toDepthwise(1), true, false)));
    // mixing [Cin*K, O] -> [Cin, K, O] -> [K, Cin, O] -> [K, Cin*O]
    Operand<TFloat32> perKernel =
        tf.reshape(
            tf.linalg.transpose(
                tf.reshape(mixing, tf.constant(new long[] {inChannels, kernels, bank.filters()})),
                tf.constant(new int[] {1, 0, 2})),
            tf.constant(new long[] {kernels, (long) inChannels * bank.filters()}));
    Operand<TFloat32> kernel =
        tf.withName("kernel")
            .reshape(
                tf.linalg.matMul(basisMatrix, perKernel),
                tf.constant(new long[] {size, size, inChannels, bank.filters()}));
    Operand<TFloat32> out = geometry.convolve(tf, input.joined(tf).value(), kernel);
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
