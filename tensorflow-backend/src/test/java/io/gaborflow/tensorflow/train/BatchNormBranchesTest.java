package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation after a mixed layer: per bank where every bank's channels fill whole vectors
 * of 8, on the joined banks where one does not (oneDNN's kernel is slow on such counts); either way
 * every channel is normalised and its moving statistics move.
 */
class BatchNormBranchesTest {
  private static final int CLASSES = 3;

  private static ModelGraph mixed(int gaborFilters, int learnedFilters) {
    return ModelGraph.of(
        Specs.network("norm-" + gaborFilters + "-" + learnedFilters, 12, 1, CLASSES)
            .layer(
                "conv",
                Specs.conv(
                    3,
                    1,
                    Padding.SAME,
                    Activation.NONE,
                    Specs.gabor(
                        "gabor",
                        GaborBankSpec.builder()
                            .orientations(gaborFilters)
                            .phases(0)
                            .sigma(1)
                            .build()),
                    Specs.learnable("learned", learnedFilters)))
            .layer("norm", new BatchNormLayerSpec("norm", 0.5, 1e-3, Activation.RELU))
            .layer("pool", Specs.maxPool(2))
            .layer("flat", Specs.flatten())
            .layer("logits", Specs.logits(CLASSES))
            .build());
  }

  /** The batch normalisations of the training pass (the inference pass has its own). */
  private static int trainingNormalisations(ModelSession session) {
    int count = 0;
    for (Iterator<GraphOperation> it = session.graph().operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      count += op.type().equals("FusedBatchNormV3") && !op.name().startsWith("inference/") ? 1 : 0;
    }
    return count;
  }

  @Test
  void banksOfWholeVectorsAreNormalisedApartAndOthersTogether() {
    TrainingConfig config = TrainingConfig.builder().batchSize(16).threads(1).build();
    try (ModelSession whole = ModelSession.open(mixed(8, 8), config);
        ModelSession odd = ModelSession.open(mixed(3, 5), config)) {
      assertEquals(2, trainingNormalisations(whole), "one per bank of 8");
      assertEquals(1, trainingNormalisations(odd), "3 and 5 channels joined");
    }
  }

  @Test
  void joinedBanksAreNormalisedAndMoveEveryStatistic() {
    TrainingConfig config = TrainingConfig.builder().batchSize(16).threads(1).build();
    Batch batch = SyntheticData.stripesBatch(12, CLASSES, 16, 5);
    try (ModelSession session = ModelSession.open(mixed(3, 5), config)) {
      session.initialize(7);
      session.trainStep(1, 0, 0.01f, batch);
      GraphOperation movingMean = session.graph().operation("layer2.norm.moving_mean");
      assertNotNull(movingMean, "the moving mean's variable");
      Operand<TFloat32> mean = movingMean.output(0);
      float[] values = session.valueOf(mean);
      assertEquals(8, values.length);
      for (int c = 0; c < values.length; c++) {
        // From 0 halfway (momentum 0.5) to the batch mean of a channel that is not constant zero.
        assertTrue(values[c] != 0, "channel " + c + " moved: " + java.util.Arrays.toString(values));
      }
    }
  }
}
