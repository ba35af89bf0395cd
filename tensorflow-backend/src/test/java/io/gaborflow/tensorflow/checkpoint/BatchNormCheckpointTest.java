package io.gaborflow.tensorflow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.MovingStatistic;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint of a network with batch normalisation holds its moving statistics with the weights:
 * restored into a new session, every value is the one the trained session had, bit for bit, and the
 * statistics are no longer their start values.
 */
class BatchNormCheckpointTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().epochs(1).batchSize(16).seed(4).threads(2).build();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 96, 16, 3);

  @TempDir Path dir;

  @Test
  void restoresWeightsAndMovingStatistics() {
    Map<String, float[]> trained;
    try (ModelSession session = ModelSession.open(new SmallResidualNet(), CONFIG)) {
      Runs.train(session, DATA, TrainingListener.silent(), RunOptions.checkpointsIn(dir, false));
      trained = SessionValues.all(session);
      for (MovingStatistic m : session.network().moving()) {
        assertFalse(
            Arrays.equals(m.initialValues(), trained.get(m.key().path())),
            m.key().path() + " moved during training");
      }
    }
    try (ModelSession session = ModelSession.open(new SmallResidualNet(), CONFIG)) {
      session.initialize(99);
      new CheckpointStore(dir).latest().orElseThrow().restoreInto(session.variables());
      Map<String, float[]> restored = SessionValues.all(session);
      assertEquals(trained.keySet(), restored.keySet());
      for (String name : trained.keySet()) {
        assertArrayEquals(trained.get(name), restored.get(name), name);
      }
    }
  }
}
