package io.gaborflow.tensorflow.train;

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
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.BankProbe;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * VOneNet's stages on a Gabor bank: complex cells hold each quadrature pair's energy beside the
 * simple cells, noise has the declared size at test and changes every call, and a network with both
 * trains.
 */
class GaborStagesTest {
  private static final String BANK = "layer1/gabor";
  // 3 orientations x phases 0, 90, 45: a pair per orientation, the 45 degree filter unpaired.
  private static final GaborBankSpec GABOR =
      GaborBankSpec.builder().orientations(3).phases(0, 90, 45).sigma(1.5).build();

  private static NetworkSpec net(UnaryOperator<FixedGaborBankSpec> stages) {
    return Specs.network("stages", 12, 1, 4)
        .layer(
            "gabor",
            Specs.conv(
                3,
                1,
                Padding.VALID,
                Activation.RELU,
                stages.apply(Specs.gabor("gabor", GABOR)),
                Specs.learnable("conv", 4)))
        .layer("pool", Specs.maxPool(2))
        .layer("flat", Specs.flatten())
        .layer("logits", Specs.logits(4))
        .build();
  }

  private static float[] response(NetworkSpec spec) {
    TrainingConfig config = TrainingConfig.builder().threads(1).build();
    try (ModelSession session = ModelSession.open(ModelGraph.of(spec), config)) {
      session.initialize(1);
      return BankProbe.responses(session).get(BANK);
    }
  }

  @Test
  void complexCellsAreTheEnergyOfEachQuadraturePair() {
    float[] simple = response(net(bank -> bank));
    float[] both = response(net(FixedGaborBankSpec::withComplexCells));
    int kernels = 9;
    int pairs = 3;
    assertEquals(simple.length / kernels * (kernels + pairs), both.length);
    for (int pixel = 0; pixel < simple.length / kernels; pixel++) {
      for (int k = 0; k < kernels; k++) {
        assertEquals(simple[pixel * kernels + k], both[pixel * 12 + k], 1e-6, "simple cell " + k);
      }
      for (int p = 0; p < pairs; p++) {
        // Filter order: orientation slowest, then phase (0, 90, 45): pair p is (3p, 3p + 1).
        double a = simple[pixel * kernels + 3 * p];
        double b = simple[pixel * kernels + 3 * p + 1];
        assertEquals(
            Math.sqrt(a * a + b * b), both[pixel * 12 + kernels + p], 1e-5, "complex cell " + p);
      }
    }
  }

  @Test
  void gaussianNoiseHasTheDeclaredDeviationAndChangesEveryCall() {
    float[] clean = response(net(bank -> bank));
    NetworkSpec noisy = net(bank -> bank.withNoise(new BankNoise(NoiseKind.GAUSSIAN, 0.3)));
    TrainingConfig config = TrainingConfig.builder().threads(1).build();
    try (ModelSession session = ModelSession.open(ModelGraph.of(noisy), config)) {
      session.initialize(1);
      float[] first = BankProbe.responses(session).get(BANK);
      float[] second = BankProbe.responses(session).get(BANK);
      assertFalse(Arrays.equals(first, second), "a new draw at every call");
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < clean.length; i++) {
        double d = first[i] - clean[i];
        sum += d;
        squares += d * d;
      }
      double mean = sum / clean.length;
      double deviation = Math.sqrt(squares / clean.length - mean * mean);
      assertEquals(0, mean, 0.03, "zero mean");
      assertEquals(0.3, deviation, 0.03, "deviation");
    }
  }

  @Test
  void poissonLikeNoiseGrowsWithTheResponse() {
    float[] clean = response(net(bank -> bank));
    float[] noisy = response(net(bank -> bank.withNoise(new BankNoise(NoiseKind.POISSON, 0.5))));
    // (noisy - clean) / sqrt(|clean|) is standard normal times the scale.
    double squares = 0;
    int counted = 0;
    for (int i = 0; i < clean.length; i++) {
      if (Math.abs(clean[i]) > 1e-3) {
        double z = (noisy[i] - clean[i]) / Math.sqrt(Math.abs(clean[i]));
        squares += z * z;
        counted++;
      }
    }
    assertTrue(counted > 500, "enough nonzero responses: " + counted);
    assertEquals(0.5, Math.sqrt(squares / counted), 0.05);
  }

  @Test
  void aNetworkWithComplexCellsAndNoiseTrains() {
    NetworkSpec spec =
        net(bank -> bank.withComplexCells().withNoise(new BankNoise(NoiseKind.POISSON, 0.2)));
    TrainingConfig config =
        TrainingConfig.builder().epochs(3).batchSize(16).learningRate(1e-2f).threads(1).build();
    try (ModelSession session = ModelSession.open(ModelGraph.of(spec), config)) {
      TrainingResult result = Runs.train(session, SyntheticData.stripes(12, 4, 320, 80, 3));
      assertTrue(Double.isFinite(result.epochs().get(2).trainLoss()));
      assertTrue(
          result.epochs().get(2).trainLoss() < result.epochs().get(0).trainLoss(),
          "the loss falls: " + result.epochs());
      assertTrue(result.testAccuracy() > 0.5, "accuracy " + result.testAccuracy());
    }
  }
}
