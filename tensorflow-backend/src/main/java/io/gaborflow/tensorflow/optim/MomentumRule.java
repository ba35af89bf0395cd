package io.gaborflow.tensorflow.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * Stochastic gradient descent with classical or Nesterov momentum, on {@code ApplyMomentum}, with
 * L2 weight decay: {@code weightDecay * w} is added to the gradient of every variable that decays,
 * so the decay goes through the momentum as in He et al. (2016).
 */
public final class MomentumRule implements UpdateRule {
  private final float momentum;
  private final boolean nesterov;
  private final float weightDecay;
  private final Slots accumulators = new Slots("momentum");

  /**
   * SGD with {@code momentum} in [0, 1), Nesterov's when {@code nesterov}, and L2 weight decay
   * {@code weightDecay} (0: none).
   */
  public MomentumRule(float momentum, boolean nesterov, float weightDecay) {
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
  }

  @Override
  public void createSlots(Ops tf, List<Variable<TFloat32>> variables) {
    for (Variable<TFloat32> v : variables) {
      accumulators.create(tf, v);
    }
  }

  @Override
  public Op update(Ops tf, Operand<TFloat32> lr, List<Trained> trained) {
    Operand<TFloat32> mu = tf.constant(momentum);
    List<Op> applies = new ArrayList<>();
    for (Trained t : trained) {
      Variable<TFloat32> v = t.variable();
      Operand<TFloat32> gradient =
          t.decays() && weightDecay > 0
              ? tf.math.add(t.gradient(), tf.math.mul(v, tf.constant(weightDecay)))
              : t.gradient();
      applies.add(
          tf.train.applyMomentum(
              v,
              accumulators.of(v),
              t.rate(tf, lr),
              gradient,
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
