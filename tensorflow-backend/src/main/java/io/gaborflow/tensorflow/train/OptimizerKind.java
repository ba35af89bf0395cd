package io.gaborflow.tensorflow.train;

/** The families of update rule, as the command line's {@code --optimizer} names them. */
public enum OptimizerKind {
  /** {@link Optimizer.Adam}. */
  ADAM,
  /** {@link Optimizer.Momentum}. */
  MOMENTUM;

  /**
   * The family's rule at its usual settings: Adam, or classical momentum 0.9 (He et al.'s, and
   * Keras' and PyTorch's examples').
   */
  public Optimizer standard() {
    return switch (this) {
      case ADAM -> Optimizer.adam();
      case MOMENTUM -> Optimizer.momentum(0.9f);
    };
  }
}
