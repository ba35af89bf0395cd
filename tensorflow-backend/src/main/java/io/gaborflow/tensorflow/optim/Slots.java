package io.gaborflow.tensorflow.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One kind of optimizer state per variable (Adam's first moment, say), named after the variable
 * ({@code layer1.conv1.kernel.adam_m}) so checkpoints read naturally, starting at zero.
 */
final class Slots {
  private final String suffix;
  private final Map<String, Variable<TFloat32>> byVariable = new HashMap<>();
  private final List<Op> resets = new ArrayList<>();

  Slots(String suffix) {
    this.suffix = suffix;
  }

  void create(Ops tf, Variable<TFloat32> variable) {
    String name = variable.op().name() + "." + suffix;
    Variable<TFloat32> slot = tf.withName(name).variable(variable.shape(), TFloat32.class);
    byVariable.put(variable.op().name(), slot);
    resets.add(
        tf.withName(name + ".reset")
            .assign(slot, tf.zeros(tf.constant(variable.shape()), TFloat32.class)));
  }

  Variable<TFloat32> of(Variable<TFloat32> variable) {
    Variable<TFloat32> slot = byVariable.get(variable.op().name());
    if (slot == null) {
      throw new IllegalStateException("no " + suffix + " slot for " + variable.op().name());
    }
    return slot;
  }

  List<Op> resets() {
    return resets;
  }
}
