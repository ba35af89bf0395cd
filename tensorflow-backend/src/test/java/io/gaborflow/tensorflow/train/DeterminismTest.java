package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two runs from one seed, each building its own graph, end with the same weights bit for bit: a
 * colour model with a SHARED bank over the images, SHARED and SINGLE banks over trained channels
 * (large enough for the shifted-copies form, which a deterministic config replaces), dropout and
 * augmentation, on two threads.
 */
class DeterminismTest {
  private static final GaborBankSpec SHARED =
      GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build();
  private static final GaborBankSpec SINGLE =
      GaborBankSpec.builder()
          .orientations(4)
          .phases(0)
          .sigma(1)
          .coverage(ChannelCoverage.SINGLE)
          .build();

  private static final ModelGraph MODEL =
      ModelGraph.of(
          Specs.network("determinism", 24, 3, 4)
              .layer(
                  "first",
                  Specs.conv(
                      3,
                      1,
                      Padding.SAME,
                      Activation.RELU,
                      Specs.gabor("gabor_a", SHARED),
                      Specs.learnable("learned_a", 4)))
              .layer(
                  "second",
                  Specs.conv(
                      3,
                      1,
                      Padding.SAME,
                      Activation.RELU,
                      Specs.gabor("gabor_b", SHARED),
                      Specs.gabor("single_b", SINGLE),
                      Specs.learnable("learned_b", 4)))
              .layer("pool", Specs.maxPool(2))
              .layer("drop", new DropoutLayerSpec("drop", 0.3))
              .layer("logits", Specs.logits(4))
              .build());

  private static Map<String, float[]> train(TrainingConfig config, Dataset data) {
    try (ModelSession session = ModelSession.open(MODEL, config)) {
      Runs.train(session, data, TrainingListener.silent());
      Map<String, float[]> weights = new LinkedHashMap<>();
      for (LearnableVariable v : session.network().learnables()) {
        weights.put(v.name(), session.valueOf(v.variable()));
      }
      return weights;
    }
  }

  @Test
  void twoRunsFromOneSeedEndBitForBitAlike() {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(2)
            .batchSize(16)
            .seed(8)
            .threads(2)
            .augment(true)
            .deterministic(true)
            .build();
    Dataset data = colourStripes(128, 32);
    Map<String, float[]> first = train(config, data);
    for (int run = 0; run < 2; run++) {
      Map<String, float[]> again = train(config, data);
      assertEquals(first.keySet(), again.keySet());
      for (String name : first.keySet()) {
        assertArrayEquals(first.get(name), again.get(name), name + ", run " + (run + 2));
      }
    }
  }

  private static Dataset colourStripes(int train, int test) {
    Random random = new Random(4);
    return new Dataset("colour-stripes", images(train, random), images(test, random), 4);
  }

  private static ImageSet images(int count, Random random) {
    float[] pixels = new float[count * 24 * 24 * 3];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = random.nextInt(4);
      double angle = Math.PI * labels[i] / 4;
      for (int y = 0; y < 24; y++) {
        for (int x = 0; x < 24; x++) {
          double along = x * Math.cos(angle) + y * Math.sin(angle);
          for (int c = 0; c < 3; c++) {
            pixels[((i * 24 + y) * 24 + x) * 3 + c] =
                (float) (0.5 + 0.3 * Math.cos(along + c) + 0.1 * random.nextGaussian());
          }
        }
      }
    }
    return new ImageSet(pixels, labels, 24, 24, 3);
  }
}
