package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.history.EpochResult;

/**
 * Stops a run once the evaluation after each epoch has not improved for {@code patience} epochs in
 * a row. It watches the validation split when the data has one ({@code DataSpec.validation}), and
 * the test split only when there is none.
 */
public final class EarlyStopping implements TrainingListener {
  /** What is watched, and which way is better. */
  public enum Metric {
    /** Evaluation loss; lower is better. */
    LOSS,
    /** Evaluation accuracy; higher is better. */
    ACCURACY
  }

  private final Metric metric;
  private final int patience;
  private final double minDelta;
  private RunControl control;
  private double best = Double.NaN;
  private int epochsWithoutImprovement;

  /**
   * Watches {@code metric}; stops after {@code patience} epochs (1 or more) without an improvement
   * of more than {@code minDelta} (0 or more) over the best value so far.
   */
  public EarlyStopping(Metric metric, int patience, double minDelta) {
    if (patience < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException(
          "early stopping needs a patience of 1 epoch or more and a minimum change of 0 or more, got "
              + patience
              + " and "
              + minDelta);
    }
    this.metric = metric;
    this.patience = patience;
    this.minDelta = minDelta;
  }

  @Override
  public void runStarted(RunControl runControl) {
    this.control = runControl;
    best = Double.NaN;
    epochsWithoutImprovement = 0;
  }

  @Override
  public void epochDone(EpochResult result) {
    double loss = result.validated() ? result.validationLoss() : result.testLoss();
    double accuracy = result.validated() ? result.validationAccuracy() : result.testAccuracy();
    double value = metric == Metric.LOSS ? -loss : accuracy;
    if (Double.isNaN(best) || value > best + minDelta) {
      best = value;
      epochsWithoutImprovement = 0;
    } else if (++epochsWithoutImprovement >= patience) {
      control.stop();
    }
  }

  /** Epochs since the last improvement. */
  public int epochsWithoutImprovement() {
    return epochsWithoutImprovement;
  }
}
