package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import org.junit.jupiter.api.Test;

/**
 * A Gabor bank that starts training in the last epoch takes Adam's first step as Adam defines it,
 * {@code rate * sign(gradient)}, however many steps the rest of the network took before: its bias
 * correction counts its own steps.
 */
class AdamLateStartTest {
  private static final float RATE = 1e-3f;
  private static final ModelGraph MODEL =
      ModelGraph.of(Specs.partialGaborNet("late", TrainableAt.END));

  @Test
  void theFirstStepOfALateBankIsTheRateTimesTheGradientsSign() {
    Batch batch = SyntheticData.stripesBatch(12, 4, 16, 3);
    TrainingConfig config =
        TrainingConfig.builder().epochs(2).batchSize(16).learningRate(RATE).threads(1).build();
    try (ModelSession session = ModelSession.open(MODEL, config)) {
      session.initialize(4);
      for (int step = 0; step < 50; step++) {
        session.trainStep(1, step, RATE, batch);
      }
      LearnableVariable bank =
          session.network().learnables().stream()
              .filter(v -> v.window() != null)
              .findFirst()
              .orElseThrow();
      float[] before = session.valueOf(bank.variable());
      session.trainStep(2, 50, RATE, batch);
      float[] after = session.valueOf(bank.variable());
      int atTheRate = 0;
      for (int i = 0; i < before.length; i++) {
        float moved = Math.abs(after[i] - before[i]);
        assertTrue(
            moved <= RATE * 1.001f, "value " + i + " moved " + moved + ", more than the rate");
        if (moved >= RATE * 0.99f) {
          atTheRate++;
        }
      }
      assertTrue(
          atTheRate >= before.length * 9 / 10,
          atTheRate + " of " + before.length + " values moved by the rate");
    }
  }
}
