package io.gaborflow.tensorflow.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.gabor.GaborParameters;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parametric bank is saved as its parameters: checkpoints hold the parameter variables and no
 * kernel, and the export records each filter's trained parameters, from which the bank's kernel is
 * computed again exactly.
 */
class ParametricExportTest {
  private static final GaborBankSpec GABOR =
      GaborBankSpec.builder().angles(20, 110).wavelengths(4).phases(0, 90).sigma(2).build();

  @TempDir Path dir;

  @Test
  void theExportKeepsTheTrainedParametersAndTheirKernelIsTheModels() {
    NetworkSpec spec =
        Specs.network("parametric-export", 12, 1, 4)
            .layer(
                "conv",
                Specs.conv(
                    5,
                    1,
                    Padding.VALID,
                    Activation.RELU,
                    new FixedGaborBankSpec("gabor", GABOR)
                        .learning(Set.of(GaborParameter.THETA, GaborParameter.LAMBDA)),
                    Specs.learnable("learned", 2)))
            .layer("flat", Specs.flatten())
            .layer("logits", Specs.logits(4))
            .build();
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(16)
            .learningRate(0.02f)
            .seed(6)
            .threads(1)
            .build();
    Dataset data = SyntheticData.stripes(12, 4, 64, 16, 1);
    Path export = dir.resolve("model");
    try (ModelSession session = ModelSession.open(() -> spec, config)) {
      Runs.train(session, data, TrainingListener.silent());
      assertTrue(
          session.variables().variableShapes().containsKey("layer1.gabor.theta"),
          "θ is a variable, in checkpoints");
      assertTrue(session.variables().variableShapes().containsKey("layer1.gabor.log_lambda"));
      assertFalse(
          session.variables().variableShapes().containsKey("layer1.gabor.kernel"),
          "no kernel values are stored");
      ModelExport.write(session.servable(), data, export);
    }
    try (ExportedModel model = ExportedModel.load(export)) {
      ExportMetadata.Bank bank = model.metadata().banks().get(0);
      assertEquals("parametric-gabor", bank.kind());
      List<GaborParameters> trained = bank.gabor().filters();
      List<GaborParameters> declared = GABOR.filters(5);
      for (int f = 0; f < declared.size(); f++) {
        assertNotEquals(
            declared.get(f).thetaDegrees(), trained.get(f).thetaDegrees(), "θ of filter " + f);
        assertNotEquals(declared.get(f).lambda(), trained.get(f).lambda(), "λ of filter " + f);
        assertEquals(declared.get(f).sigma(), trained.get(f).sigma(), "σ is not learned");
        assertEquals(declared.get(f).psiDegrees(), trained.get(f).psiDegrees(), "ψ is not learned");
      }
      float[] recomputed =
          FilterBank.of(trained, 5, bank.gabor().normalization()).toHwio(1, ChannelCoverage.SHARED);
      assertArrayEquals(recomputed, model.tensor(bank.tensor()), 1e-6f);
      assertEquals(
          null, model.metadata().banks().get(1).gabor(), "a learned bank has no Gabor parameters");
    }
  }
}
