package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a validation split evaluates it after every epoch and keeps the checkpoint of the
 * epoch with the best validation accuracy.
 */
class ValidationRunTest {
  private static final Dataset DATA =
      SyntheticData.stripes(12, 4, 200, 40, 6).withValidation(40, 2);

  @Test
  void theBestCheckpointHoldsTheEpochWithTheBestValidationAccuracy(@TempDir Path dir) {
    TrainingConfig config =
        TrainingConfig.builder().epochs(4).batchSize(16).learningRate(3e-3f).seed(5).build();
    TrainingResult result;
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      result =
          Runs.train(
              session,
              DATA,
              TrainingListener.silent(),
              RunOptions.builder().checkpointsIn(dir).build());
      Evaluation last = session.evaluate(DATA.validation().orElseThrow(), 1000);
      assertEquals(
          last.accuracy(), result.epochs().get(3).validationAccuracy(), 1e-9, "last epoch");
    }
    assertEquals(40, result.validationImages());
    assertEquals(160, result.trainImages());
    for (EpochResult e : result.epochs()) {
      assertTrue(e.validated(), "epoch " + e.epoch() + " was evaluated on the validation split");
    }
    // The best epoch, found here from the epochs' figures (the first of equal accuracies).
    EpochResult best = result.epochs().get(0);
    for (EpochResult e : result.epochs()) {
      if (e.validationAccuracy() > best.validationAccuracy()) {
        best = e;
      }
    }
    assertEquals(best, result.bestValidationEpoch().orElseThrow());
    CheckpointStore.Checkpoint kept = new CheckpointStore(dir).best().orElseThrow();
    assertEquals(best.epoch(), kept.state().epoch());
    try (ModelSession restored = ModelSession.open(new SmallGaborNet(), config)) {
      restored.initialize(99);
      kept.restoreInto(restored.variables());
      assertEquals(
          best.validationAccuracy(),
          restored.evaluate(DATA.validation().orElseThrow(), 1000).accuracy(),
          1e-9,
          "the kept weights score what their epoch scored");
    }
  }
}
