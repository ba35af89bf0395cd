package io.gaborflow.tensorflow.train;

import org.tensorflow.Graph;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.framework.optimizers.Optimizer;

/** The update rules a run can use. */
public enum OptimizerKind {
  /** Adam with TensorFlow's default betas and epsilon. */
  ADAM,
  /** Stochastic gradient descent with (non-Nesterov) momentum. */
  MOMENTUM;

  Optimizer create(Graph graph, TrainingConfig config) {
    return switch (this) {
      case ADAM -> new Adam(graph, config.learningRate());
      case MOMENTUM -> new Momentum(graph, config.learningRate(), config.momentum(), false);
    };
  }
}
