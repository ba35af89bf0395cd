package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.optim.AdamRule;
import io.gaborflow.tensorflow.optim.MomentumRule;
import io.gaborflow.tensorflow.optim.UpdateRule;
import java.util.Locale;

/**
 * A run's update rule with the settings that belong to it: {@link #adam()}, or {@link
 * #momentum(float)} (classical, or Nesterov's with {@link Momentum#withNesterov()}). Weight decay
 * and the Gabor banks' rate scale apply to every rule and stay in {@link TrainingConfig}; each rule
 * takes decay its own way ({@link #rule(float)}).
 */
public sealed interface Optimizer permits Optimizer.Adam, Optimizer.Momentum {
  /** Adam with TensorFlow's default betas (0.9, 0.999) and epsilon (1e-7). */
  static Adam adam() {
    return new Adam();
  }

  /** Stochastic gradient descent with classical momentum {@code momentum}, in [0, 1). */
  static Momentum momentum(float momentum) {
    return new Momentum(momentum, false);
  }

  /** The rule's family, as the command line's {@code --optimizer} names it. */
  OptimizerKind kind();

  /** The update rule, with {@code weightDecay} taken this rule's way. */
  UpdateRule rule(float weightDecay);

  /**
   * Multiply-accumulates per learned weight and step that the update itself costs (the moments and
   * the step), for cost tables.
   */
  int updateMacsPerWeight();

  /** Adam; with weight decay, AdamW's decoupled decay. */
  record Adam() implements Optimizer {
    @Override
    public OptimizerKind kind() {
      return OptimizerKind.ADAM;
    }

    @Override
    public UpdateRule rule(float weightDecay) {
      return new AdamRule(weightDecay);
    }

    @Override
    public int updateMacsPerWeight() {
      return 4;
    }

    @Override
    public String toString() {
      return "adam";
    }
  }

  /**
   * Momentum; with weight decay, L2 added to the gradients.
   *
   * @param momentum the share of the last step kept, in [0, 1)
   * @param nesterov whether the step looks ahead along the momentum (Nesterov's)
   */
  record Momentum(float momentum, boolean nesterov) implements Optimizer {
    /** Checks the momentum. */
    public Momentum {
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException(
            "TrainingConfig.optimizer: momentum must be in [0, 1), got " + momentum);
      }
    }

    /** This momentum, Nesterov's. */
    public Momentum withNesterov() {
      return new Momentum(momentum, true);
    }

    @Override
    public OptimizerKind kind() {
      return OptimizerKind.MOMENTUM;
    }

    @Override
    public UpdateRule rule(float weightDecay) {
      return new MomentumRule(momentum, nesterov, weightDecay);
    }

    @Override
    public int updateMacsPerWeight() {
      return 2;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "momentum %s%s", momentum, nesterov ? " nesterov" : "");
    }
  }
}
