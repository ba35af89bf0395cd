package io.gaborflow.tensorflow.optim;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer's update rule over an explicit list of variables, on TensorFlow's fused training
 * ops.
 *
 * <p>Why not the framework's {@code Optimizer}: it takes every variable of the graph, creates its
 * slots inside each {@code applyGradients} call (so a second update op over an overlapping set
 * fails on duplicate slot names), and offers no way to update a subset while sharing state. A Gabor
 * bank trained for a few epochs and then frozen needs exactly that: one set of slots and two update
 * ops, one with the bank and one without it.
 */
public interface UpdateRule {
  /** Creates the optimizer state for {@code variables}; call once, before any {@link #update}. */
  void createSlots(Ops tf, List<Variable<TFloat32>> variables);

  /**
   * One step of size {@code learningRate} (a scalar, fed each step by the training loop) over
   * {@code trained}, a subset of the variables given to {@link #createSlots}, plus the rule's step
   * counters. Weight decay, where the rule has it, applies to the variables that {@link
   * Trained#decays()}.
   */
  Op update(Ops tf, Operand<TFloat32> learningRate, List<Trained> trained);

  /** Ops that set all optimizer state to its starting value. */
  List<Op> resetOps();
}
