package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Gabor rate scale multiplies the step of a Gabor bank's trained values, and of nothing else.
 */
class GaborRateScaleTest {
  private static final float RATE = 0.05f;
  private static final float SCALE = 0.1f;
  private static final ModelGraph MODEL =
      ModelGraph.of(Specs.partialGaborNet("scaled", TrainableAt.START));

  private static Map<String, float[]> firstStep(TrainingConfig config) {
    Batch batch = SyntheticData.stripesBatch(12, 4, 16, 8);
    Map<String, float[]> moved = new LinkedHashMap<>();
    try (ModelSession session = ModelSession.open(MODEL, config)) {
      session.initialize(2);
      Map<String, float[]> before = new LinkedHashMap<>();
      for (LearnableVariable v : session.network().learnables()) {
        before.put(v.name(), session.valueOf(v.variable()));
      }
      session.trainStep(1, 0, RATE, batch);
      for (LearnableVariable v : session.network().learnables()) {
        float[] after = session.valueOf(v.variable());
        float[] delta = new float[after.length];
        for (int i = 0; i < after.length; i++) {
          delta[i] = after[i] - before.get(v.name())[i];
        }
        moved.put(v.name(), delta);
      }
    }
    return moved;
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void onlyTheGaborValuesStepAtTheScaledRate(OptimizerKind optimizer) {
    TrainingConfig.Builder config =
        TrainingConfig.builder().epochs(2).batchSize(16).optimizer(optimizer.standard()).threads(1);
    Map<String, float[]> plain = firstStep(config.build());
    Map<String, float[]> scaled = firstStep(config.gaborRateScale(SCALE).build());
    for (String name : plain.keySet()) {
      // Named by hand: the Gabor bank's values are the layer's "gabor" kernel.
      float factor = name.equals("layer1/gabor/kernel") ? SCALE : 1f;
      float[] p = plain.get(name);
      float[] s = scaled.get(name);
      for (int i = 0; i < p.length; i++) {
        assertEquals(factor * p[i], s[i], 1e-7f + 1e-4f * Math.abs(p[i]), name + "[" + i + "]");
      }
    }
  }
}
