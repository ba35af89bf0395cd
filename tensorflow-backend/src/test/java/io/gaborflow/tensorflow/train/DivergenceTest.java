package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loss that becomes NaN stops the run, naming where, and the last good checkpoint stays. */
class DivergenceTest {
  private static final int SIZE = 70;
  private static final int BATCH = 16;
  private static final long SEED = 9;

  @TempDir Path dir;

  @Test
  void nanLossStopsWithEpochAndStepAndKeepsTheLastGoodCheckpoint() {
    // An image that epoch 1 leaves out (its last partial batch is dropped) but epoch 2 trains on.
    int[] first = BatchPlan.order(SIZE, SEED, 1);
    int[] second = BatchPlan.order(SIZE, SEED, 2);
    int used = SIZE / BATCH * BATCH;
    int poisoned = -1;
    for (int i = used; i < SIZE && poisoned < 0; i++) {
      int candidate = first[i];
      for (int j = 0; j < used; j++) {
        if (second[j] == candidate) {
          poisoned = candidate;
        }
      }
    }
    int position = 0;
    while (second[position] != poisoned) {
      position++;
    }
    Dataset clean = SyntheticData.stripes(12, 4, SIZE, 20, 1);
    float[] pixels = new float[SIZE * 144];
    int[] labels = new int[SIZE];
    int[] all = new int[SIZE];
    Arrays.setAll(all, i -> i);
    clean.train().copyBatch(all, 0, SIZE, pixels, labels);
    // Values that overflow to infinity, and to NaN where they meet weights of both signs. (NaN
    // pixels themselves may not reach the loss: the ReLU that grappler fuses into the first
    // convolution, as in Keras' graphs, gives 0 for them.)
    Arrays.fill(pixels, poisoned * 144, (poisoned + 1) * 144, Float.MAX_VALUE);
    Dataset data =
        new Dataset("poisoned", new ImageSet(pixels, labels, 12, 12, 1), clean.test(), 4);

    TrainingConfig config =
        TrainingConfig.builder().epochs(3).batchSize(BATCH).seed(SEED).threads(2).build();
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      TrainingDivergedException e =
          assertThrows(
              TrainingDivergedException.class,
              () ->
                  Runs.train(
                      session,
                      data,
                      TrainingListener.silent(),
                      RunOptions.checkpointsIn(dir, false)));
      assertEquals(
          "loss became NaN at epoch 2, step "
              + (position / BATCH + 1)
              + "; lower the learning rate or check the input data",
          e.getMessage());
    }
    CheckpointStore.Checkpoint kept = new CheckpointStore(dir).latest().orElseThrow();
    assertEquals(1, kept.state().epoch());
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      kept.restoreInto(session.variables());
      float[] restored = session.valueOf(session.network().learnables().get(0).variable());
      for (float v : restored) {
        assertEquals(false, Float.isNaN(v), "the kept checkpoint holds finite weights");
      }
    }
  }

  @Test
  void aGaborBankCannotTrainForMoreEpochsThanTheRunHas() {
    TrainingConfig twoEpochs = TrainingConfig.builder().epochs(2).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSession.open(
                    io.gaborflow.tensorflow.graph.ModelGraph.of(
                        io.gaborflow.core.model.NetworkVariants.withGaborTraining(
                            new SmallGaborNet().spec(), 3)),
                    twoEpochs));
    assertEquals(
        "bank layer1/gabor_a trains for 3 epochs (trainableEpochs) but the run has 2; lower"
            + " trainableEpochs or train for more epochs",
        e.getMessage());
  }
}
