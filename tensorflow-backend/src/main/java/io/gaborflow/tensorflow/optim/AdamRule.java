package io.gaborflow.tensorflow.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba 2015) on {@code ApplyAdam}, with TensorFlow's default betas and epsilon, and
 * decoupled weight decay (AdamW, Loshchilov and Hutter 2019): every variable that decays is first
 * scaled by {@code 1 - learningRate * weightDecay}, outside the moments, then takes Adam's step.
 */
public final class AdamRule implements UpdateRule {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-7f;

  private final Slots firstMoment = new Slots("adam_m");
  private final Slots secondMoment = new Slots("adam_v");
  private Variable<TFloat32> beta1Power;
  private Variable<TFloat32> beta2Power;
  private final List<Op> resets = new ArrayList<>();
  private final float weightDecay;

  /** Adam with TensorFlow's default betas and epsilon, and decoupled weight decay (0: none). */
  public AdamRule(float weightDecay) {
    this.weightDecay = weightDecay;
  }

  @Override
  public void createSlots(Ops tf, List<Variable<TFloat32>> variables) {
    for (Variable<TFloat32> v : variables) {
      firstMoment.create(tf, v);
      secondMoment.create(tf, v);
    }
    beta1Power = tf.withName("adam.beta1_power").variable(Shape.scalar(), TFloat32.class);
    beta2Power = tf.withName("adam.beta2_power").variable(Shape.scalar(), TFloat32.class);
    resets.addAll(firstMoment.resets());
    resets.addAll(secondMoment.resets());
    resets.add(tf.assign(beta1Power, tf.constant(BETA1)));
    resets.add(tf.assign(beta2Power, tf.constant(BETA2)));
  }

  @Override
  public Op update(Ops tf, Operand<TFloat32> lr, List<Trained> trained) {
    Operand<TFloat32> beta1 = tf.constant(BETA1);
    Operand<TFloat32> beta2 = tf.constant(BETA2);
    Operand<TFloat32> epsilon = tf.constant(EPSILON);
    List<Op> applies = new ArrayList<>();
    for (Trained t : trained) {
      Variable<TFloat32> v = t.variable();
      Ops step = tf;
      if (t.decays() && weightDecay > 0) {
        Operand<TFloat32> keep =
            tf.math.sub(tf.constant(1f), tf.math.mul(lr, tf.constant(weightDecay)));
        step = tf.withControlDependencies(List.of(tf.assign(v, tf.math.mul(v, keep))));
      }
      applies.add(
          step.train.applyAdam(
              v,
              firstMoment.of(v),
              secondMoment.of(v),
              beta1Power,
              beta2Power,
              lr,
              beta1,
              beta2,
              epsilon,
              t.gradient()));
    }
    // The bias-correction powers advance after every variable has used this step's values.
    Ops after = tf.withControlDependencies(applies);
    return after
        .withControlDependencies(
            List.of(
                after.assign(beta1Power, after.math.mul(beta1Power, beta1)),
                after.assign(beta2Power, after.math.mul(beta2Power, beta2))))
        .noOp();
  }

  @Override
  public List<Op> resetOps() {
    return List.copyOf(resets);
  }
}
