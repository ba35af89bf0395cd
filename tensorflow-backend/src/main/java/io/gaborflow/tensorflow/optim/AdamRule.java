package io.gaborflow.tensorflow.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Each variable has its own bias-correction powers, advanced only by the steps that update it. A
 * Gabor bank that starts training late in the run (trainable at the end) then takes Adam's first
 * steps as Adam defines them; with one pair of powers for all variables, its moments would start at
 * zero behind powers already near zero, and its first hundreds of steps would be about three times
 * the learning rate.
 */
public final class AdamRule implements UpdateRule {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-7f;

  private final Slots firstMoment = new Slots("adam_m");
  private final Slots secondMoment = new Slots("adam_v");
  private final Map<String, Variable<TFloat32>> beta1Power = new HashMap<>();
  private final Map<String, Variable<TFloat32>> beta2Power = new HashMap<>();
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
      String name = v.op().name();
      Variable<TFloat32> p1 =
          tf.withName(name + ".adam_beta1_power").variable(Shape.scalar(), TFloat32.class);
      Variable<TFloat32> p2 =
          tf.withName(name + ".adam_beta2_power").variable(Shape.scalar(), TFloat32.class);
      beta1Power.put(name, p1);
      beta2Power.put(name, p2);
      resets.add(tf.assign(p1, tf.constant(BETA1)));
      resets.add(tf.assign(p2, tf.constant(BETA2)));
    }
    resets.addAll(firstMoment.resets());
    resets.addAll(secondMoment.resets());
  }

  @Override
  public Op update(Ops tf, Operand<TFloat32> lr, List<Trained> trained) {
    Operand<TFloat32> beta1 = tf.constant(BETA1);
    Operand<TFloat32> beta2 = tf.constant(BETA2);
    Operand<TFloat32> epsilon = tf.constant(EPSILON);
    List<Op> applies = new ArrayList<>();
    for (Trained t : trained) {
      Variable<TFloat32> v = t.variable();
      Operand<TFloat32> rate = t.rate(tf, lr);
      Ops step = tf;
      if (t.decays() && weightDecay > 0) {
        Operand<TFloat32> keep =
            tf.math.sub(tf.constant(1f), tf.math.mul(rate, tf.constant(weightDecay)));
        step = tf.withControlDependencies(List.of(tf.assign(v, tf.math.mul(v, keep))));
      }
      applies.add(
          step.train.applyAdam(
              v,
              firstMoment.of(v),
              secondMoment.of(v),
              beta1Power.get(v.op().name()),
              beta2Power.get(v.op().name()),
              rate,
              beta1,
              beta2,
              epsilon,
              t.gradient()));
    }
    // The bias-correction powers of the updated variables advance after every apply has read them.
    Ops after = tf.withControlDependencies(applies);
    List<Op> advances = new ArrayList<>();
    for (Trained t : trained) {
      String name = t.variable().op().name();
      Variable<TFloat32> p1 = beta1Power.get(name);
      Variable<TFloat32> p2 = beta2Power.get(name);
      advances.add(after.assign(p1, after.math.mul(p1, beta1)));
      advances.add(after.assign(p2, after.math.mul(p2, beta2)));
    }
    return after.withControlDependencies(advances).noOp();
  }

  @Override
  public List<Op> resetOps() {
    return List.copyOf(resets);
  }
}
