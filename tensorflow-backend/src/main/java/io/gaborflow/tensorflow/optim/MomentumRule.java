package io.gaborflow.tensorflow.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/** Stochastic gradient descent with classical or Nesterov momentum, on {@code ApplyMomentum}. */
public final class MomentumRule implements UpdateRule {
  private final float momentum;
  private final boolean nesterov;
  private final Slots accumulators = new Slots("momentum");

  /** SGD with {@code momentum} in [0, 1), Nesterov's when {@code nesterov}. */
  public MomentumRule(float momentum, boolean nesterov) {
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  public void createSlots(Ops tf, List<Variable<TFloat32>> variables) {
    for (Variable<TFloat32> v : variables) {
      accumulators.create(tf, v);
    }
  }

  @Override
  public Op update(
      Ops tf,
      Operand<TFloat32> lr,
      List<Variable<TFloat32>> variables,
      List<Operand<TFloat32>> gradients) {
    Operand<TFloat32> mu = tf.constant(momentum);
    List<Op> applies = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      applies.add(
          tf.train.applyMomentum(
              v,
              accumulators.of(v),
              lr,
              gradients.get(i),
              mu,
              ApplyMomentum.useNesterov(nesterov)));
    }
    return tf.withControlDependencies(applies).noOp();
  }

  @Override
  public List<Op> resetOps() {
    return List.copyOf(accumulators.resets());
  }
}
