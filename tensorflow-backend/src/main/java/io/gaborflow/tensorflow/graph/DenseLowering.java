package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.DenseLayerSpec;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A fully connected layer; a feature map is flattened first. */
final class DenseLowering {
  private DenseLowering() {}

  static Branches lower(LoweringContext context, DenseLayerSpec dense, Branches input) {
    Ops tf = context.tf().withSubScope(dense.name());
    long inputs = context.inputShape().elements();
    int units = dense.units();
    Operand<TFloat32> in = input.joined(tf).value();
    Operand<TFloat32> x =
        context.inputShape().flat() ? in : tf.reshape(in, tf.constant(new long[] {-1, inputs}));
    VariableRegistry registry = context.registry();
    Variable<TFloat32> kernel =
        registry.learnable(
            context.key(dense.name(), VariableKey.Role.KERNEL),
            Shape.of(inputs, units),
            dense.initializer(),
            inputs,
            units,
            null,
            null);
    Variable<TFloat32> bias =
        registry.learnable(
            context.key(dense.name(), VariableKey.Role.BIAS),
            Shape.of(units),
            null,
            inputs,
            units,
            null,
            null);
    Operand<TFloat32> out = tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    return Branches.of(Activations.apply(tf, out, dense.activation()), units, true);
  }
}
