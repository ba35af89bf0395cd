package io.gaborflow.tensorflow.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gaborflow.core.FilterSupplier;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ModelExport;
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

/**
 * Fixed banks take their values from a supplier, an .npy resource or an earlier model,
 * shape-checked.
 */
class FilterSourcesTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().epochs(1).batchSize(16).seed(2).threads(2).build();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 64, 16, 4);

  @TempDir Path dir;

  /** One 3x3 layer: the given fixed bank beside 2 learnable filters. */
  private static ModelGraph withBank(FixedTensorBankSpec given) {
    return ModelGraph.of(
        Specs.network("given", 12, 1, 4)
            .layer(
                "given",
                Specs.conv(3, 1, Padding.VALID, Activation.RELU, given, Specs.learnable("conv", 2)))
            .layer("logits", Specs.logits(4))
            .build());
  }

  /** The bank of an npy class-path resource, its shape read from the file as the processor does. */
  private static FixedTensorBankSpec npy(String resource) {
    try (java.io.InputStream in = FilterSourcesTest.class.getResourceAsStream("/" + resource)) {
      int[] shape = io.gaborflow.core.npy.NpyReader.read(in, resource).shape();
      return FixedTensorBankSpec.npy(
          "given", resource, java.util.Arrays.stream(shape).boxed().toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static float[] trainedValueOfGivenBank(FixedTensorBankSpec source) {
    try (ModelSession session = ModelSession.open(withBank(source), CONFIG)) {
      Runs.train(session, DATA, TrainingListener.silent());
      return session.valueOf(session.network().fixedBanks().get(0).kernel());
    }
  }

  @Test
  void npyResourceValuesStayFixed() {
    float[] sobel = new float[18];
    int[][] k = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 3; x++) {
        sobel[(y * 3 + x) * 2] = k[y][x];
        sobel[(y * 3 + x) * 2 + 1] = k[x][y];
      }
    }
    assertArrayEquals(sobel, trainedValueOfGivenBank(npy("filters/sobel.npy")));
  }

  public static final class Ones implements FilterSupplier {
    @Override
    public int[] shape() {
      return new int[] {3, 3, 1, 1};
    }

    @Override
    public float[] values() {
      return new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1};
    }
  }

  @Test
  void supplierValuesStayFixedAndAWrongShapeIsNamed() {
    assertArrayEquals(
        new Ones().values(),
        trainedValueOfGivenBank(FixedTensorBankSpec.supplier("given", Ones.class, 1)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSession.open(
                        withBank(FixedTensorBankSpec.supplier("given", Ones.class, 3)), CONFIG)
                    .close());
    assertEquals(
        "filter supplier "
            + Ones.class.getName()
            + " has shape [3, 3, 1, 1] but the layer needs"
            + " [3, 3, 1, 3] (supplier values are HWIO)",
        e.getMessage());
  }

  @Test
  void banksOfAnEarlierModelComeFromItsExportOrItsCheckpoint() {
    Path export = dir.resolve("export");
    Path checkpoints = dir.resolve("checkpoints");
    float[] learned;
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      Runs.train(
          session, DATA, TrainingListener.silent(), RunOptions.checkpointsIn(checkpoints, false));
      learned = session.valueOf(session.network().learnables().get(0).variable());
      ModelExport.write(session.servable(), DATA, export);
    }
    assertArrayEquals(
        learned,
        trainedValueOfGivenBank(
            FixedTensorBankSpec.model("given", export.toString(), "layer1/learned_a", 4)));
    assertArrayEquals(
        learned,
        trainedValueOfGivenBank(
            FixedTensorBankSpec.model("given", checkpoints.toString(), "layer1/learned_a", 4)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModelSession.open(
                    withBank(
                        FixedTensorBankSpec.model("given", export.toString(), "layer9/none", 4)),
                    CONFIG));
    assertEquals(
        "model "
            + export
            + " has no bank layer9/none; it has [layer1/gabor_a, layer1/learned_a,"
            + " layer3/gabor_b, layer3/learned_b]",
        e.getMessage());
  }
}
