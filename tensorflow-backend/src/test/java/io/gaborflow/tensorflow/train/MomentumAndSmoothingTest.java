package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Nesterov's momentum and label smoothing against steps computed by hand. */
class MomentumAndSmoothingTest {
  private static final int CLASSES = 4;
  private static final int BATCH = 16;
  // No dropout or batch normalisation: the training pass computes what the inference pass does.
  private static final ModelGraph MODEL =
      ModelGraph.of(
          Specs.network("plain", 12, 1, CLASSES)
              .layer(
                  "conv",
                  Specs.conv(3, 1, Padding.SAME, Activation.RELU, Specs.learnable("conv", 4)))
              .layer("pool", Specs.maxPool(2))
              .layer("flat", Specs.flatten())
              .layer("logits", Specs.logits(CLASSES))
              .build());

  private static Batch batch() {
    return SyntheticData.stripesBatch(12, CLASSES, BATCH, 3);
  }

  private static TrainingConfig.Builder momentum() {
    return TrainingConfig.builder()
        .epochs(1)
        .batchSize(BATCH)
        .optimizer(Optimizer.momentum(0.9f))
        .threads(1);
  }

  /**
   * How far one step from the seed's weights moves every learnable value, variable after variable.
   */
  private static float[] firstStep(TrainingConfig config, Batch batch) {
    try (ModelSession session = ModelSession.open(MODEL, config)) {
      session.initialize(7);
      float[][] before = values(session);
      session.trainStep(1, 0, 0.05f, batch);
      float[][] after = values(session);
      int n = Arrays.stream(before).mapToInt(v -> v.length).sum();
      float[] delta = new float[n];
      int k = 0;
      for (int v = 0; v < before.length; v++) {
        for (int i = 0; i < before[v].length; i++) {
          delta[k++] = after[v][i] - before[v][i];
        }
      }
      return delta;
    }
  }

  private static float[][] values(ModelSession session) {
    return session.network().learnables().stream()
        .map(LearnableVariable::variable)
        .map(session::valueOf)
        .toArray(float[][]::new);
  }

  @Test
  void nesterovsFirstStepIsOnePlusMomentumTimesTheClassicalOne() {
    // With the accumulator at zero, a = g; classical: w -= lr a; Nesterov: w -= lr (g + mu a).
    Batch batch = batch();
    float[] classical = firstStep(momentum().build(), batch);
    float[] nesterov =
        firstStep(momentum().optimizer(Optimizer.momentum(0.9f).withNesterov()).build(), batch);
    for (int i = 0; i < classical.length; i++) {
      assertEquals(
          1.9f * classical[i], nesterov[i], 1e-6f + 1e-4f * Math.abs(nesterov[i]), "value " + i);
    }
  }

  @Test
  void aSmoothedLossIsTheCrossEntropyAgainstTheSmoothedTargets() {
    float e = 0.2f;
    Batch batch = batch();
    TrainingConfig config = momentum().labelSmoothing(e).build();
    try (ModelSession session = ModelSession.open(MODEL, config)) {
      session.initialize(7);
      float[] logits = session.logits(batch);
      double expected = 0;
      for (int b = 0; b < BATCH; b++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CLASSES; k++) {
          max = Math.max(max, logits[b * CLASSES + k]);
        }
        double sum = 0;
        for (int k = 0; k < CLASSES; k++) {
          sum += Math.exp(logits[b * CLASSES + k] - max);
        }
        for (int k = 0; k < CLASSES; k++) {
          double target = (k == batch.labels()[b] ? 1 - e : 0) + e / CLASSES;
          double logProbability = logits[b * CLASSES + k] - max - Math.log(sum);
          expected -= target * logProbability;
        }
      }
      expected /= BATCH;
      float loss = session.trainStep(1, 0, 0.05f, batch);
      assertEquals(
          expected, loss, 1e-5, "the training loss of the step, from the weights before it");
    }
  }
}
