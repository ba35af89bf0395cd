package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.model.ParameterCount;
import io.gaborflow.examples.models.GaborSharedResNet20Graph;
import io.gaborflow.examples.models.ResNet20Graph;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.MovingStatistic;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ResNet-20 as declared: Keras' parameter count, and a training step of its Gabor variant. */
class ResNetTest {
  /** Trainable weights of Keras' ResNet-20 in ../shared/bench/resnet_peers.py. */
  private static final long KERAS_RESNET20_TRAINABLE = 272_474;

  @Test
  void resnet20HasKerasTrainableParameterCount() {
    assertEquals(
        KERAS_RESNET20_TRAINABLE, ParameterCount.of(new ResNet20Graph().spec()).learnable());
  }

  @Test
  void theGraphHoldsTheVariablesTheDescriptionCounts() {
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(4).build();
    try (ModelSession session = ModelSession.open(new ResNet20Graph(), config)) {
      long inGraph =
          session.network().learnables().stream().mapToLong(LearnableVariable::size).sum();
      assertEquals(KERAS_RESNET20_TRAINABLE, inGraph);
    }
  }

  @Test
  void aGaborResNetStepTrainsTheLearnedHalfAndMovesTheStatistics() {
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(4).seed(5).build();
    try (ModelSession session = ModelSession.open(new GaborSharedResNet20Graph(), config)) {
      session.initialize(5);
      assertTrue(
          session.network().learnables().stream().noneMatch(v -> v.name().contains("gabor")),
          "fixed banks are not variables");
      assertEquals(
          19, session.network().fixedBanks().size(), "half of each of the 19 3x3 convolutions");
      MovingStatistic mean = session.network().moving().get(0);
      float[] before = session.valueOf(mean.variable());
      float[] images = new float[4 * 32 * 32 * 3];
      Random random = new Random(1);
      for (int i = 0; i < images.length; i++) {
        images[i] = random.nextFloat();
      }
      float loss =
          session.trainStep(
              1,
              0,
              config.learningRate(),
              Batch.of(images, new int[] {0, 1, 2, 3}, 4, 32 * 32 * 3));
      assertTrue(Float.isFinite(loss));
      assertFalse(
          Arrays.equals(before, session.valueOf(mean.variable())),
          "the moving mean moved with the step");
    }
  }
}
