package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.optim.AdamRule;
import io.gaborflow.tensorflow.optim.MomentumRule;
import io.gaborflow.tensorflow.optim.UpdateRule;

/** The update rules a run can use. */
public enum OptimizerKind {
  /**
   * Adam with TensorFlow's default betas (0.9, 0.999) and epsilon (1e-7); with weight decay,
   * AdamW's decoupled decay.
   */
  ADAM,
  /**
   * Stochastic gradient descent with momentum, classical or Nesterov's ({@link
   * TrainingConfig#nesterov()}); with weight decay, L2 added to the gradients.
   */
  MOMENTUM;

  UpdateRule create(TrainingConfig config) {
    return switch (this) {
      case ADAM -> new AdamRule(config.weightDecay());
      case MOMENTUM -> new MomentumRule(config.momentum(), config.nesterov(), config.weightDecay());
    };
  }
}
