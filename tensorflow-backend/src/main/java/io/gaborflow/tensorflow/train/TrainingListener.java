package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.history.EpochResult;
import java.util.List;

/**
 * Hears about a run as it goes; every method does nothing unless overridden. A run has any number
 * of listeners (a Dagger component collects them with {@code @IntoSet}), called in order.
 */
public interface TrainingListener {
  /** Before the run's first step, with the control that can stop it. */
  default void runStarted(RunControl control) {}

  /**
   * Before the first step of {@code epoch} (from 1) of {@code epochs}, which has {@code steps}
   * steps.
   */
  default void epochStarted(int epoch, int epochs, int steps) {}

  /** After each step. */
  default void stepDone(StepEvent step) {}

  /** After each epoch's evaluation (and its checkpoint, when the run writes them). */
  default void epochDone(EpochResult result) {}

  /**
   * After each epoch, with the model to read its weights from; by default {@link
   * #epochDone(EpochResult)}. The training loop calls this one.
   */
  default void epochDone(EpochResult result, ModelView model) {
    epochDone(result);
  }

  /** Reports nothing. */
  static TrainingListener silent() {
    return new TrainingListener() {};
  }

  /** {@code listeners}, each told every event, in order. */
  static TrainingListener all(List<? extends TrainingListener> listeners) {
    List<TrainingListener> copy = List.copyOf(listeners);
    return new TrainingListener() {
      @Override
      public void runStarted(RunControl control) {
        copy.forEach(l -> l.runStarted(control));
      }

      @Override
      public void epochStarted(int epoch, int epochs, int steps) {
        copy.forEach(l -> l.epochStarted(epoch, epochs, steps));
      }

      @Override
      public void stepDone(StepEvent step) {
        copy.forEach(l -> l.stepDone(step));
      }

      @Override
      public void epochDone(EpochResult result) {
        copy.forEach(l -> l.epochDone(result));
      }

      @Override
      public void epochDone(EpochResult result, ModelView model) {
        copy.forEach(l -> l.epochDone(result, model));
      }
    };
  }
}
