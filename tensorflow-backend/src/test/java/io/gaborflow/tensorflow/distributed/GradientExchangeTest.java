package io.gaborflow.tensorflow.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.placement.Placement;
import io.gaborflow.tensorflow.testing.LocalPorts;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * What a worker puts into the all-reduce: the gradient of every learnable variable and nothing
 * else, so fixed banks are never exchanged; in a cluster of one, training is unchanged.
 */
class GradientExchangeTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(1)
          .batchSize(16)
          .learningRate(5e-3f)
          .seed(3)
          .threads(1)
          .deterministic(true)
          .build();

  @Test
  void onlyLearnableGradientsAreExchangedAndAClusterOfOneTrainsAsOneProcess() throws IOException {
    var data = SyntheticData.stripes(12, 4, 64, 16, 2);
    Map<String, float[]> alone;
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      Runs.train(session, data, TrainingListener.silent());
      alone = SessionValues.learnables(session);
    }
    try (Placement runtime =
            Placement.worker(
                Cluster.of("127.0.0.1:" + LocalPorts.free(), 0), Duration.ofSeconds(20));
        ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG, runtime)) {
      long exchanged = 0;
      int collectives = 0;
      for (Iterator<GraphOperation> it = session.graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("CollectiveReduce") && op.name().startsWith("optimizer/")) {
          collectives++;
          exchanged += op.input(0).shape().size();
        }
      }
      assertEquals(
          session.network().learnables().size(),
          collectives,
          "one all-reduce per learnable variable");
      assertEquals(
          session.network().learnableParameters(),
          exchanged,
          "every learnable value, nothing else");
      assertEquals(4 * exchanged, session.exchangedBytesPerStep(1));
      long fixed = session.network().fixedBanks().stream().mapToLong(FixedBank::weights).sum();
      assertTrue(fixed > 0, "the net has fixed banks, and they are not exchanged");

      Runs.train(session, data, TrainingListener.silent());
      Map<String, float[]> clustered = SessionValues.learnables(session);
      for (String name : alone.keySet()) {
        assertArrayEquals(alone.get(name), clustered.get(name), name);
      }
    }
  }

  @Test
  void batchNormalisationStatisticsGoThroughTheExchangeToo() throws IOException {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(8)
            .learningRate(5e-3f)
            .seed(3)
            .threads(1)
            .deterministic(true)
            .build();
    var data = SyntheticData.stripes(12, 4, 32, 8, 2);
    Map<String, float[]> alone;
    try (ModelSession session = ModelSession.open(new SmallResidualNet(), config)) {
      Runs.train(session, data, TrainingListener.silent());
      alone = SessionValues.all(session);
    }
    try (Placement runtime =
            Placement.worker(
                Cluster.of("127.0.0.1:" + LocalPorts.free(), 0), Duration.ofSeconds(20));
        ModelSession session = ModelSession.open(new SmallResidualNet(), config, runtime)) {
      int collectives = 0;
      for (Iterator<GraphOperation> it = session.graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("CollectiveReduce") && op.name().startsWith("moving_statistics/")) {
          collectives++;
        }
      }
      assertEquals(
          session.network().moving().size(),
          collectives,
          "one average per moving mean and variance");
      Runs.train(session, data, TrainingListener.silent());
      Map<String, float[]> clustered = SessionValues.all(session);
      assertEquals(alone.keySet(), clustered.keySet());
      for (String name : alone.keySet()) {
        assertArrayEquals(alone.get(name), clustered.get(name), name);
      }
    }
  }
}
