package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Activation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The element-wise non-linearities of {@link Activation}. */
final class Activations {
  private Activations() {}

  static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Activation activation) {
    return switch (activation) {
      case NONE -> x;
      case RELU -> tf.nn.relu(x);
      case TANH -> tf.math.tanh(x);
      case SIGMOID -> tf.math.sigmoid(x);
    };
  }
}
