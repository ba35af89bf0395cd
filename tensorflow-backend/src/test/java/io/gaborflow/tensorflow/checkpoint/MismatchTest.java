package io.gaborflow.tensorflow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint, or data, that does not fit the model is refused with what does not fit. */
class MismatchTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().epochs(1).batchSize(16).seed(3).build();

  @TempDir Path dir;

  /** A one-layer model; {@code filters} changes its shapes, {@code name} its identity. */
  private static ModelGraph model(String name, int filters) {
    return ModelGraph.of(
        Specs.network(name, 12, 1, 4)
            .layer(
                "conv",
                Specs.conv(3, 1, Padding.VALID, Activation.RELU, Specs.learnable("conv", filters)))
            .layer("logits", Specs.logits(4))
            .build());
  }

  private CheckpointStore.Checkpoint checkpointOf(ModelGraph graph) {
    try (ModelSession session = ModelSession.open(graph, CONFIG)) {
      Runs.train(
          session,
          SyntheticData.stripes(12, 4, 32, 8, 1),
          TrainingListener.silent(),
          RunOptions.checkpointsIn(dir, false));
    }
    return new CheckpointStore(dir).latest().orElseThrow();
  }

  @Test
  void checkpointOfAnotherModelIsRefused() {
    CheckpointStore.Checkpoint checkpoint = checkpointOf(new SmallGaborNet());
    try (ModelSession other = ModelSession.open(model("one-layer", 4), CONFIG)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> checkpoint.restoreInto(other.variables()));
      assertEquals(
          "checkpoint "
              + checkpoint.folder()
              + " was written by model 'small-gabor-net', not 'one-layer';"
              + " use another RunOptions.checkpointsIn directory or train small-gabor-net",
          e.getMessage());
    }
  }

  @Test
  void checkpointOfAnotherShapeIsRefused() {
    CheckpointStore.Checkpoint checkpoint = checkpointOf(model("one-layer", 4));
    try (ModelSession wider = ModelSession.open(model("one-layer", 6), CONFIG)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> checkpoint.restoreInto(wider.variables()));
      assertTrue(
          e.getMessage().startsWith("checkpoint " + checkpoint.folder() + " holds variables {"),
          e.getMessage());
      assertTrue(e.getMessage().contains("layer1.conv.kernel=[3, 3, 1, 4]"), e.getMessage());
      assertTrue(
          e.getMessage().endsWith("; the model changed since the checkpoint was written"),
          e.getMessage());
    }
  }

  @Test
  void imagesOfAnotherShapeAndLabelsBeyondTheClassesAreRefused() {
    Dataset colour =
        new Dataset(
            "colour",
            new ImageSet(new float[2 * 12 * 12 * 3], new int[2], 12, 12, 3),
            new ImageSet(new float[12 * 12 * 3], new int[1], 12, 12, 3),
            4);
    try (ModelSession session = ModelSession.open(model("one-layer", 4), CONFIG)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Runs.train(session, colour, TrainingListener.silent()));
      assertEquals(
          "one-layer takes 12x12x1 images but colour has 12x12x3 images; read image files at the model's"
              + " size (DataSpec.resizedTo), or use a model that takes 12x12x3"
              + " images",
          e.getMessage());
      Dataset sixClasses =
          new Dataset(
              "six",
              SyntheticData.stripes(12, 6, 32, 8, 1).train(),
              SyntheticData.stripes(12, 6, 32, 8, 1).test(),
              6);
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Runs.train(session, sixClasses, TrainingListener.silent()));
      assertEquals("one-layer tells 4 classes apart but six has labels up to 5", e.getMessage());
    }
  }
}
