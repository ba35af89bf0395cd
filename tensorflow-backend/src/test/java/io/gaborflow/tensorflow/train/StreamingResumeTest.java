package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageFolderDataSource;
import io.gaborflow.tensorflow.testing.ImageFolders;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.StopAt;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on images streamed from a folder: the same weights as from the same images in memory, a
 * stopped run resumed to the same weights, and a run stopped by a bad file losing no steps.
 */
class StreamingResumeTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(2)
          .batchSize(16)
          .learningRate(5e-3f)
          .seed(21)
          .threads(2)
          .augment(true)
          .build();

  @TempDir Path images;
  @TempDir Path checkpoints;

  private Dataset folder() {
    return new ImageFolderDataSource().load(DataSpec.parse("folder:" + images));
  }

  private static Map<String, float[]> train(
      Dataset data, TrainingListener listener, RunOptions options) {
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      Runs.train(session, data, listener, options);
      return SessionValues.learnables(session);
    }
  }

  private static void assertSameWeights(
      Map<String, float[]> expected, Map<String, float[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), name);
    }
  }

  @Test
  void streamedTrainingEqualsInMemoryAndResumesExactly() {
    Dataset inMemory = ImageFolders.write(SyntheticData.stripes(12, 4, 96, 32, 5), images);
    Map<String, float[]> expected = train(inMemory, TrainingListener.silent(), RunOptions.NONE);

    assertSameWeights(expected, train(folder(), TrainingListener.silent(), RunOptions.NONE));

    RunOptions resumable = RunOptions.checkpointsIn(checkpoints, true);
    train(folder(), new StopAt(2, 3), resumable);
    assertEquals(
        "epoch-1-step-3",
        new CheckpointStore(checkpoints).latest().orElseThrow().folder().getFileName().toString());
    assertSameWeights(expected, train(folder(), TrainingListener.silent(), resumable));
  }

  /**
   * Breaks {@code file} for one run, which must stop with a checkpoint named {@code checkpoint};
   * then resumes.
   */
  private void breakOnceThenResume(Path file, String checkpoint) throws Exception {
    Dataset inMemory = ImageFolders.write(SyntheticData.stripes(12, 4, 96, 32, 5), images);
    Map<String, float[]> expected = train(inMemory, TrainingListener.silent(), RunOptions.NONE);
    byte[] good = Files.readAllBytes(file);
    Files.writeString(file, "truncated");

    RunOptions resumable = RunOptions.checkpointsIn(checkpoints, true);
    DataFormatException e =
        assertThrows(
            DataFormatException.class, () -> train(folder(), TrainingListener.silent(), resumable));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertEquals(
        checkpoint,
        new CheckpointStore(checkpoints).latest().orElseThrow().folder().getFileName().toString(),
        "the steps before the bad image are kept");

    Files.write(file, good);
    assertSameWeights(expected, train(folder(), TrainingListener.silent(), resumable));
  }

  private Path listed(String split, int index) throws Exception {
    ImageFolders.write(SyntheticData.stripes(12, 4, 96, 32, 5), images);
    try (var files = Files.walk(images.resolve(split))) {
      return files.filter(Files::isRegularFile).sorted().toList().get(index);
    }
  }

  @Test
  void aBadTrainingImageStopsTheRunAfterCheckpointingTheStepsBeforeIt() throws Exception {
    // The image the third batch of epoch 1 starts with.
    breakOnceThenResume(
        listed("train", BatchPlan.order(96, CONFIG.seed(), 1)[2 * 16]), "epoch-0-step-2");
  }

  @Test
  void aBadTestImageStopsTheRunAfterCheckpointingTheEpochsSteps() throws Exception {
    breakOnceThenResume(listed("test", 7), "epoch-0-step-6");
  }
}
