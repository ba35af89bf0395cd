package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.StopAt;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners that end a run: one after a given step, and early stopping on the evaluation. */
class StoppingTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(3)
          .batchSize(16)
          .learningRate(5e-3f)
          .seed(21)
          .threads(2)
          .build();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 96, 32, 5);

  @TempDir Path dir;

  @Test
  void aListenerStopsAfterAStepWithACheckpointThatResumesExactly() {
    Map<String, float[]> uninterrupted;
    TrainingResult straight;
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      straight = Runs.train(session, DATA, TrainingListener.silent());
      uninterrupted = SessionValues.learnables(session);
    }
    RunOptions checkpointed = RunOptions.checkpointsIn(dir, true);
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      TrainingResult stopped = Runs.train(session, DATA, new StopAt(2, 3), checkpointed);
      assertTrue(stopped.stopped());
      assertEquals(1, stopped.epochs().size(), "epoch 2 did not end");
    }
    assertEquals(
        "epoch-1-step-3",
        new CheckpointStore(dir).latest().orElseThrow().folder().getFileName().toString());
    Map<String, float[]> resumed;
    TrainingResult result;
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      result = Runs.train(session, DATA, TrainingListener.silent(), checkpointed);
      resumed = SessionValues.learnables(session);
    }
    assertFalse(result.stopped());
    for (String name : uninterrupted.keySet()) {
      assertArrayEquals(uninterrupted.get(name), resumed.get(name), name);
    }
    assertEquals(
        straight.epochs().get(1).trainLoss(),
        result.epochs().get(1).trainLoss(),
        1e-9,
        "the stopped epoch's mean loss counts the steps before the stop");
    assertEquals(straight.testAccuracy(), result.testAccuracy());
  }

  @Test
  void earlyStoppingEndsTheRunAfterItsPatience() {
    TrainingConfig sixEpochs =
        TrainingConfig.builder().epochs(6).batchSize(16).seed(21).threads(2).build();
    // No accuracy can improve by more than 1: the first epoch sets the best, the next one runs out
    // of patience.
    EarlyStopping early = new EarlyStopping(EarlyStopping.Metric.ACCURACY, 1, 1.0);
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), sixEpochs)) {
      TrainingResult result = Runs.train(session, DATA, early);
      assertTrue(result.stopped());
      assertEquals(2, result.epochs().size());
    }
  }

  @Test
  void earlyStoppingWaitsForItsPatienceAndForgivesAnImprovement() {
    EarlyStopping early = new EarlyStopping(EarlyStopping.Metric.LOSS, 2, 0);
    RunControl control = new RunControl();
    early.runStarted(control);
    double[] losses = {1.0, 0.9, 0.95, 0.8, 0.85, 0.9};
    boolean[] stoppedAfter = {false, false, false, false, false, true};
    for (int i = 0; i < losses.length; i++) {
      early.epochDone(new EpochResult(i + 1, 6, 1, 1, losses[i], 0.5, 10));
      assertEquals(stoppedAfter[i], control.stopRequested(), "after epoch " + (i + 1));
    }
  }

  @Test
  void earlyStoppingWatchesTheValidationSplitWhenThereIsOne() {
    // Validation loss keeps falling while test loss rises: a run choosing on validation goes on.
    EarlyStopping early = new EarlyStopping(EarlyStopping.Metric.LOSS, 1, 0);
    RunControl control = new RunControl();
    early.runStarted(control);
    for (int i = 0; i < 4; i++) {
      early.epochDone(
          new EpochResult(
              i + 1, 4, 1, 1, 1.0 + i, 0.5, 10, 0, 1.0 - 0.1 * i, 0.5 + 0.1 * i, Map.of()));
      assertFalse(control.stopRequested(), "after epoch " + (i + 1));
    }
  }
}
