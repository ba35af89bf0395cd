package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.ParameterCount;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.VariableKey;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A parametric Gabor bank in training: its kernel stays the Gabor kernel of its current parameters,
 * parameters it does not learn do not exist as variables, and orientations that start 30° away from
 * the ones a task needs move toward them.
 */
class ParametricGaborTrainingTest {
  private static ModelGraph model(GaborBankSpec gabor, Set<GaborParameter> learned, int channels) {
    NetworkSpec spec =
        Specs.network("parametric-stripes", 12, channels, 2)
            .layer(
                "conv",
                Specs.conv(
                    5,
                    1,
                    Padding.SAME,
                    Activation.RELU,
                    new FixedGaborBankSpec("gabor", gabor).learning(learned)))
            .layer("pool", new GlobalAvgPoolLayerSpec("pool"))
            .layer("logits", Specs.logits(2))
            .build();
    return () -> spec;
  }

  /** Each grey image as two channels: the image and its negative. */
  private static ImageSet twoChannels(ImageSamples grey) {
    int per = grey.pixelsPerImage();
    float[] pixels = new float[grey.size() * per * 2];
    int[] labels = new int[grey.size()];
    for (int i = 0; i < grey.size(); i++) {
      float[] image = grey.image(i);
      for (int p = 0; p < per; p++) {
        pixels[(i * per + p) * 2] = image[p];
        pixels[(i * per + p) * 2 + 1] = 1 - image[p];
      }
      labels[i] = grey.label(i);
    }
    return new ImageSet(pixels, labels, grey.height(), grey.width(), 2);
  }

  private static float[] values(ModelSession session, VariableKey.Role role) {
    LearnableVariable v =
        session.network().learnables().stream()
            .filter(l -> l.key().role() == role)
            .findFirst()
            .orElseThrow();
    return session.valueOf(v.variable());
  }

  @Test
  void theKernelIsTheGaborKernelOfTheTrainedParametersAndTheOthersStayAsDeclared() {
    GaborBankSpec gabor =
        GaborBankSpec.builder()
            .angles(30, 120)
            .wavelengths(4)
            .phases(0, 90)
            .sigma(2)
            .aspect(0.6)
            .coverage(ChannelCoverage.SINGLE)
            .build();
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(2)
            .batchSize(16)
            .learningRate(0.02f)
            .seed(4)
            .threads(1)
            .build();
    try (ModelSession session =
        ModelSession.open(
            model(gabor, Set.of(GaborParameter.THETA, GaborParameter.SIGMA), 2), config)) {
      assertEquals(
          Set.of(
              VariableKey.Role.THETA,
              VariableKey.Role.LOG_SIGMA,
              VariableKey.Role.KERNEL,
              VariableKey.Role.BIAS),
          session.network().learnables().stream()
              .map(v -> v.key().role())
              .collect(Collectors.toSet()),
          "λ, ψ and γ are not variables: they cannot change");
      long trainedValues =
          session.network().learnables().stream().mapToLong(v -> v.shape().size()).sum();
      assertEquals(
          trainedValues,
          ParameterCount.of(session.spec()).learnable(),
          "the description counts every value the optimizer updates, θ and σ per filter included");
      var grey = SyntheticData.stripes(12, 2, 96, 16, 3);
      Runs.train(
          session,
          new Dataset(
              "stripes, two channels", twoChannels(grey.train()), twoChannels(grey.test()), 2),
          TrainingListener.silent());

      float[] theta = values(session, VariableKey.Role.THETA);
      float[] logSigma = values(session, VariableKey.Role.LOG_SIGMA);
      List<GaborParameters> declared = gabor.filters(5);
      List<GaborParameters> trained = new ArrayList<>();
      for (int f = 0; f < declared.size(); f++) {
        GaborParameters p = declared.get(f);
        assertNotEquals(
            (float) Math.toRadians(p.thetaDegrees()), theta[f], "θ of filter " + f + " trained");
        trained.add(
            p.with(GaborParameter.SIGMA, Math.exp(logSigma[f]))
                .with(GaborParameter.THETA, Math.toDegrees(theta[f])));
      }
      FixedBank bank = session.network().fixedBanks().get(0);
      float[] expected =
          FilterBank.of(trained, 5, gabor.normalization()).toHwio(2, ChannelCoverage.SINGLE);
      assertArrayEquals(expected, session.valueOf(bank.kernel()), 1e-6f);
    }
  }

  /**
   * Degrees from θ (radians) to the nearer of the task's orientations, 0° and 90°; orientations
   * repeat every 180°.
   */
  private static double offTask(float theta) {
    double degrees = Math.floorMod(Math.round(Math.toDegrees(theta) * 1e6), 180_000_000L) / 1e6;
    return Math.min(Math.min(degrees, Math.abs(degrees - 90)), 180 - degrees);
  }

  @Test
  void orientationsThatStart30DegreesOffMoveTowardTheTasks() {
    // Class 0: stripes varying along 0°; class 1: along 90°. The bank starts at 30° and 120°.
    GaborBankSpec gabor =
        GaborBankSpec.builder().angles(30, 120).wavelengths(4).phases(0, 90).sigma(2).build();
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(3)
            .batchSize(32)
            .learningRate(0.05f)
            .seed(2)
            .threads(1)
            .build();
    try (ModelSession session =
        ModelSession.open(model(gabor, Set.of(GaborParameter.THETA), 1), config)) {
      session.initialize(config.seed());
      float[] before = values(session, VariableKey.Role.THETA);
      Runs.train(session, SyntheticData.stripes(12, 2, 512, 64, 8), TrainingListener.silent());
      float[] after = values(session, VariableKey.Role.THETA);
      for (int f = 0; f < before.length; f++) {
        double start = offTask(before[f]);
        double end = offTask(after[f]);
        assertEquals(30, start, 1e-3);
        assertTrue(
            end < start / 2,
            "filter "
                + f
                + ": "
                + start
                + "° from the task's orientations at the start, "
                + end
                + "° after training (θ "
                + Math.toDegrees(after[f])
                + "°)");
      }
    }
  }
}
