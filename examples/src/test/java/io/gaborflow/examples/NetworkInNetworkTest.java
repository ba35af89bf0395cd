package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.examples.models.GaborNiNGraph;
import io.gaborflow.examples.models.NiNGraph;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** nin and gabor-nin build, train a step, and gabor-nin's fixed half costs no filter gradient. */
class NetworkInNetworkTest {
  private static final int BATCH = 8;

  private static int filterGradients(ModelGraph model) {
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(BATCH).threads(2).build();
    float[] images = new float[BATCH * 32 * 32 * 3];
    Random random = new Random(1);
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    int[] labels = {0, 1, 2, 3, 4, 5, 6, 7};
    try (ModelSession session = ModelSession.open(model, config)) {
      session.initialize(1);
      float loss =
          session.trainStep(
              1, 0, config.learningRate(), Batch.of(images, labels, BATCH, images.length / BATCH));
      assertTrue(Float.isFinite(loss) && loss > 0, "loss " + loss);
      assertEquals(BATCH * 10, session.logits(images, BATCH).length);
      return session
          .filterGradientKernels(1, Batch.of(images, labels, BATCH, images.length / BATCH))
          .size();
    }
  }

  @Test
  void ninHasAFilterGradientPerConvolution() {
    assertEquals(9, filterGradients(new NiNGraph()));
  }

  @Test
  void gaborNinSkipsTheFilterGradientsOfItsThreeFixedBanks() {
    // Same nine learnable convolutions: the three fixed Gabor banks add none.
    assertEquals(9, filterGradients(new GaborNiNGraph()));
    TrainingConfig config = TrainingConfig.builder().epochs(1).build();
    try (ModelSession session = ModelSession.open(new GaborNiNGraph(), config)) {
      List<FixedBank> banks = session.network().fixedBanks();
      assertEquals(
          List.of("layer1/gabor1", "layer6/gabor2", "layer11/gabor3"),
          banks.stream().map(FixedBank::name).toList());
      assertEquals(List.of(96, 96, 96), banks.stream().map(FixedBank::filterCount).toList());
      // The fixed banks stand for kernels of the same shape, without the 3 x 96 biases.
      assertEquals(
          learnableOfNin() - 3 * 96,
          session.network().learnableParameters() + session.network().fixedParameters());
    }
  }

  private static long learnableOfNin() {
    try (ModelSession session =
        ModelSession.open(new NiNGraph(), TrainingConfig.builder().epochs(1).build())) {
      return session.network().learnableParameters();
    }
  }
}
