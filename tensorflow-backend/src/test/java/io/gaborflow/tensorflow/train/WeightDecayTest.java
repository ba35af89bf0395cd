package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Weight decay moves exactly the learned kernels, by {@code -rate * decay * w} in a step from the
 * same weights and optimizer state (L2 through the momentum and AdamW's decoupled decay both come
 * to that in one step), and leaves biases, batch-norm scales and offsets and Gabor banks where the
 * gradient puts them. The step starts after a few undecayed ones, so that biases and offsets are
 * off zero, where decay would not show.
 */
class WeightDecayTest {
  private static final int CLASSES = 4;
  private static final int BATCH = 16;
  private static final float RATE = 0.05f;
  private static final float DECAY = 0.3f;
  // Named by hand, not by the rule under test: the learned bank's kernel and the dense kernel.
  private static final Set<String> LEARNED_KERNELS =
      Set.of("layer1/learned/kernel", "layer5/logits/kernel");
  private static final String TRAINED_GABOR = "layer1/partial/kernel";

  /**
   * A fixed Gabor bank, a Gabor bank trained in epoch 1 of 2 and a learned bank with biases, batch
   * normalisation, then logits with biases.
   */
  private static final ModelGraph MODEL =
      ModelGraph.of(
          Specs.network("decayed", 12, 1, CLASSES)
              .layer(
                  "conv",
                  Specs.conv(
                      3,
                      1,
                      Padding.SAME,
                      Activation.NONE,
                      Specs.gabor(
                          "fixed",
                          GaborBankSpec.builder().orientations(2).phases(0).sigma(1).build()),
                      Specs.gabor(
                          "partial",
                          GaborBankSpec.builder().orientations(2).phases(0).sigma(1).build(),
                          1,
                          TrainableAt.START),
                      Specs.learnable("learned", 2)))
              .layer("norm", new BatchNormLayerSpec("norm", 0.9, 1e-3, Activation.RELU))
              .layer("pool", Specs.maxPool(2))
              .layer("flat", Specs.flatten())
              .layer("logits", Specs.logits(CLASSES))
              .build());

  private static Batch batch() {
    return SyntheticData.stripesBatch(12, CLASSES, BATCH, 5);
  }

  private static TrainingConfig.Builder config(OptimizerKind optimizer) {
    return TrainingConfig.builder()
        .epochs(2)
        .batchSize(BATCH)
        .optimizer(optimizer.standard())
        .threads(1);
  }

  /** Weights and optimizer state after three undecayed steps from seed 7, saved under a prefix. */
  private static String warmedUp(OptimizerKind optimizer, Path dir) {
    String prefix = dir.resolve("warm").toString();
    try (ModelSession session = ModelSession.open(MODEL, config(optimizer).build())) {
      session.initialize(7);
      for (int step = 0; step < 3; step++) {
        session.trainStep(1, step, RATE, batch());
      }
      session.variables().save(prefix);
    }
    return prefix;
  }

  /** Each learnable variable's values before and after one step of epoch 1 from {@code start}. */
  private static Map<String, float[][]> step(TrainingConfig config, String start) {
    Map<String, float[][]> moves = new LinkedHashMap<>();
    try (ModelSession session = ModelSession.open(MODEL, config)) {
      session.initialize(7);
      session.variables().restore(start);
      Map<String, float[]> before = new LinkedHashMap<>();
      for (LearnableVariable v : session.network().learnables()) {
        before.put(v.name(), session.valueOf(v.variable()));
      }
      session.trainStep(1, 3, RATE, batch());
      for (LearnableVariable v : session.network().learnables()) {
        moves.put(v.name(), new float[][] {before.get(v.name()), session.valueOf(v.variable())});
      }
    }
    return moves;
  }

  private static void assertDecayed(
      OptimizerKind optimizer, boolean gaborToo, Set<String> decayed, Path dir) {
    String start = warmedUp(optimizer, dir);
    Map<String, float[][]> plain = step(config(optimizer).build(), start);
    Map<String, float[][]> withDecay =
        step(config(optimizer).weightDecay(DECAY).decayGabor(gaborToo).build(), start);
    assertEquals(plain.keySet(), withDecay.keySet());
    assertTrue(plain.keySet().containsAll(decayed), "the network has " + plain.keySet());
    for (String name : plain.keySet()) {
      float[] before = plain.get(name)[0];
      assertTrue(
          Arrays.stream(boxed(before)).anyMatch(x -> x != 0),
          name + " is off zero before the step");
      float[] without = plain.get(name)[1];
      float[] with = withDecay.get(name)[1];
      for (int i = 0; i < before.length; i++) {
        float expected = decayed.contains(name) ? -RATE * DECAY * before[i] : 0f;
        assertEquals(
            expected,
            with[i] - without[i],
            2e-6f + 1e-3f * Math.abs(expected),
            name + "[" + i + "]: the step's change from weight decay");
      }
    }
  }

  private static Float[] boxed(float[] values) {
    Float[] boxed = new Float[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void decayMovesLearnedKernelsOnly(OptimizerKind optimizer, @TempDir Path dir) {
    assertDecayed(optimizer, false, LEARNED_KERNELS, dir);
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void gaborBanksDecayWhenAskedTo(OptimizerKind optimizer, @TempDir Path dir) {
    java.util.Set<String> decayed = new java.util.HashSet<>(LEARNED_KERNELS);
    decayed.add(TRAINED_GABOR);
    assertDecayed(optimizer, true, decayed, dir);
  }
}
