package io.gaborflow.tensorflow.testing;

import io.gaborflow.tensorflow.train.RunControl;
import io.gaborflow.tensorflow.train.StepEvent;
import io.gaborflow.tensorflow.train.TrainingListener;

/** Stops a run after step {@code step} of epoch {@code epoch}, as a user's listener would. */
public final class StopAt implements TrainingListener {
  private final int epoch;
  private final int step;
  private RunControl control;

  public StopAt(int epoch, int step) {
    this.epoch = epoch;
    this.step = step;
  }

  @Override
  public void runStarted(RunControl runControl) {
    control = runControl;
  }

  @Override
  public void stepDone(StepEvent event) {
    if (event.epoch() == epoch && event.step() == step) {
      control.stop();
    }
  }
}
