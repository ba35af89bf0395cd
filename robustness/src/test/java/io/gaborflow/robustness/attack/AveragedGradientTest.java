package io.gaborflow.robustness.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack gradients of a model with noise are averaged over several evaluations, so that they are
 * the expected gradient and not one draw's; a model without noise gets the same gradient either
 * way.
 */
class AveragedGradientTest {
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 96, 16, 2);

  private static ExportedModel export(Path dir, BankNoise noise) {
    FixedGaborBankSpec gabor =
        Specs.gabor("gabor", GaborBankSpec.builder().orientations(2).phases(0, 90).build())
            .withNoise(noise);
    NetworkSpec spec =
        Specs.network("noisy", 12, 1, 4)
            .layer(
                "gabor",
                Specs.conv(3, 1, Padding.VALID, Activation.RELU, gabor, Specs.learnable("conv", 4)))
            .layer("pool", Specs.maxPool(2))
            .layer("flat", Specs.flatten())
            .layer("logits", Specs.logits(4))
            .build();
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build();
    try (ModelSession session = ModelSession.open(ModelGraph.of(spec), config)) {
      Runs.train(session, DATA);
      ModelExport.write(session.servable(), DATA, dir);
    }
    return ExportedModel.load(dir);
  }

  private static float[] pixels() {
    float[] pixels = new float[16 * 144];
    int[] labels = new int[16];
    DATA.test().copyBatch(java.util.stream.IntStream.range(0, 16).toArray(), 0, 16, pixels, labels);
    return pixels;
  }

  private static double distance(float[] a, float[] b) {
    double squares = 0;
    for (int i = 0; i < a.length; i++) {
      squares += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(squares);
  }

  @Test
  void averagingShrinksTheSpreadOfANoisyModelsGradients(@TempDir Path dir) {
    try (ExportedModel model = export(dir.resolve("m"), new BankNoise(NoiseKind.GAUSSIAN, 1.0))) {
      assertTrue(model.metadata().stochastic(), "the export says it adds noise");
      assertEquals(
          RobustnessEvaluation.STOCHASTIC_GRADIENT_SAMPLES,
          RobustnessEvaluation.Settings.gradientSamplesFor(model.metadata()));
      float[] pixels = pixels();
      int[] labels = new int[16];
      PixelSpaceModel once = new PixelSpaceModel(model, 1);
      PixelSpaceModel averaged = new PixelSpaceModel(model, 16);
      double spreadOfOne =
          distance(
              once.lossGradient(pixels, labels, 16).gradient(),
              once.lossGradient(pixels, labels, 16).gradient());
      double spreadOfSixteen =
          distance(
              averaged.lossGradient(pixels, labels, 16).gradient(),
              averaged.lossGradient(pixels, labels, 16).gradient());
      assertTrue(spreadOfOne > 0, "one draw differs from the next");
      // Independent draws: the spread of a mean of 16 is a quarter of one draw's.
      assertTrue(
          spreadOfSixteen < spreadOfOne / 2,
          "spread " + spreadOfSixteen + " averaged against " + spreadOfOne + " for one draw");
    }
  }

  @Test
  void aModelWithoutNoiseGetsTheSameGradientAveragedOrNot(@TempDir Path dir) {
    try (ExportedModel model = export(dir.resolve("m"), BankNoise.NONE)) {
      assertFalse(model.metadata().stochastic());
      assertEquals(1, RobustnessEvaluation.Settings.gradientSamplesFor(model.metadata()));
      float[] pixels = pixels();
      int[] labels = new int[16];
      PixelSpaceModel.LossGradient once =
          new PixelSpaceModel(model, 1).lossGradient(pixels, labels, 16);
      PixelSpaceModel.LossGradient four =
          new PixelSpaceModel(model, 4).lossGradient(pixels, labels, 16);
      assertArrayEquals(once.gradient(), four.gradient(), 1e-6f);
      assertArrayEquals(once.losses(), four.losses(), 1e-6f);
    }
  }
}
