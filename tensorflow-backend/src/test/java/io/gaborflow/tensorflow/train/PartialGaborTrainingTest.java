package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Gabor bank with {@code trainableEpochs = 1} starts at its Gabor values, changes in its one
 * trainable epoch and in no other, and has no filter gradient while frozen.
 */
class PartialGaborTrainingTest {
  private static final int EPOCHS = 3;
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 160, 40, 11);

  /** One conv layer: a Gabor bank trained for one epoch beside a learnable bank. */
  private static ModelGraph model(TrainableAt at) {
    return ModelGraph.of(
        Specs.network("partial", 12, 1, 4)
            .layer(
                "gabor",
                Specs.conv(
                    3,
                    1,
                    Padding.VALID,
                    Activation.RELU,
                    Specs.gabor(
                        "gabor",
                        GaborBankSpec.builder().orientations(4).phases(0).sigma(1).build(),
                        1,
                        at),
                    Specs.learnable("learned", 4)))
            .layer("pool", Specs.maxPool(2))
            .layer("logits", Specs.logits(4))
            .build());
  }

  @ParameterizedTest
  @EnumSource(TrainableAt.class)
  void gaborBankTrainsOnlyInItsWindow(TrainableAt at) {
    TrainingConfig config =
        TrainingConfig.builder().epochs(EPOCHS).batchSize(16).learningRate(1e-2f).seed(3).build();
    try (ModelSession session = ModelSession.open(model(at), config)) {
      FixedBank bank = session.network().fixedBanks().get(0);
      List<float[]> afterEpoch = new ArrayList<>();
      TrainingListener recorder =
          new TrainingListener() {

            @Override
            public void epochDone(EpochResult result) {
              afterEpoch.add(session.valueOf(bank.kernel()));
            }
          };
      Runs.train(session, DATA, recorder);

      float[] gabor = bank.kernelValues();
      int window = at == TrainableAt.START ? 1 : EPOCHS;
      float[] before = gabor;
      for (int epoch = 1; epoch <= EPOCHS; epoch++) {
        float[] after = afterEpoch.get(epoch - 1);
        if (epoch == window) {
          assertFalse(Arrays.equals(before, after), "the bank should train in epoch " + epoch);
        } else {
          assertArrayEquals(before, after, "the bank must not change in epoch " + epoch);
        }
        before = after;
      }
      if (at == TrainableAt.END) {
        assertArrayEquals(gabor, afterEpoch.get(0), "starts from its Gabor values");
      }

      float[] images = new float[16 * 144];
      int[] labels = new int[16];
      int[] order = new int[16];
      Arrays.setAll(order, i -> i);
      DATA.train().copyBatch(order, 0, 16, images, labels);
      for (int epoch = 1; epoch <= EPOCHS; epoch++) {
        int expected = epoch == window ? 2 : 1;
        assertEquals(
            expected,
            session.filterGradientKernels(epoch, Batch.of(images, labels, 16, 144)).size(),
            "filter gradients in epoch " + epoch);
      }
    }
  }
}
