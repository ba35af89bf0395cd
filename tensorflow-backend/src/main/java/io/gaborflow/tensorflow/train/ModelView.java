package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.BuiltNetwork;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a listener may read of the model being trained after an epoch: its banks and variables and
 * their current values; it cannot take steps.
 */
public interface ModelView {
  /** The network's variables, banks and outputs. */
  BuiltNetwork network();

  /** The current values of {@code tensor} (a variable or a bank's kernel). */
  float[] valueOf(Operand<TFloat32> tensor);
}
