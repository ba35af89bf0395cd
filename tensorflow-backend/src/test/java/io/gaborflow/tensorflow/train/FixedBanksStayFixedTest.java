package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.BankResponse;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.FloatTensors;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.testing.BankProbe;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** What a user of fixed banks relies on: they never change, and they cost no training work. */
class FixedBanksStayFixedTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(2)
          .batchSize(16)
          .learningRate(1e-2f)
          .seed(7)
          .threads(2)
          .build();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 320, 80, 3);

  private static ModelSession session;
  private static Map<String, float[]> initialLearnables;
  private static Map<String, float[]> initialResponses;
  private static TrainingResult result;

  @BeforeAll
  static void train() {
    session = ModelSession.open(new SmallGaborNet(), CONFIG);
    session.initialize(CONFIG.seed());
    initialResponses = BankProbe.responses(session);
    initialLearnables = new HashMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      initialLearnables.put(v.name(), session.valueOf(v.variable()));
    }
    result = Runs.train(session, DATA, TrainingListener.silent());
  }

  @AfterAll
  static void close() {
    session.close();
  }

  @Test
  void fixedBanksApplyTheSameFiltersAfterTrainingAndLearnedOnesDoNot() {
    Map<String, float[]> trained = BankProbe.responses(session);
    assertEquals(
        List.of("layer1/gabor_a", "layer1/learned_a", "layer3/gabor_b", "layer3/learned_b"),
        List.copyOf(trained.keySet()));
    for (FixedBank bank : session.network().fixedBanks()) {
      assertArrayEquals(initialResponses.get(bank.name()), trained.get(bank.name()), bank.name());
    }
    for (String learned : List.of("layer1/learned_a", "layer3/learned_b")) {
      assertFalse(
          java.util.Arrays.equals(initialResponses.get(learned), trained.get(learned)), learned);
    }
  }

  @Test
  void theFirstFixedBankAppliesItsGaborFilters() {
    // SmallGaborNet's first bank over one channel, computed here independently of the graph.
    float[] kernel =
        FilterBank.of(GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build(), 3)
            .toHwio(1, ChannelCoverage.SHARED);
    BankResponse bank = session.network().responses().get(0);
    float[] probe = new float[12 * 12];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = (i * 37 % 11) / 11f;
    }
    float[] response;
    try (TFloat32 x =
            TFloat32.tensorOf(Shape.of(1, 12, 12, 1), DataBuffers.of(probe, true, false));
        Result r =
            session.session().runner().feed(bank.inputs().get(0), x).fetch(bank.output()).run()) {
      response = FloatTensors.values((TFloat32) r.get(0));
    }
    // VALID 3x3: a 10x10 map per filter, four filters, NHWC.
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        for (int f = 0; f < 4; f++) {
          double sum = 0;
          for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) {
              sum += probe[(y + dy) * 12 + x + dx] * kernel[(dy * 3 + dx) * 4 + f];
            }
          }
          assertEquals(
              sum, response[(y * 10 + x) * 4 + f], 1e-5, "filter " + f + " at " + x + "," + y);
        }
      }
    }
  }

  @Test
  void learnableBanksChangedDuringTraining() {
    for (LearnableVariable v : session.network().learnables()) {
      if (v.initializer() == null) {
        continue; // biases start at zero and may legitimately stay near it
      }
      float[] now = session.valueOf(v.variable());
      assertFalse(
          Arrays.equals(initialLearnables.get(v.name()), now), v.name() + " did not change");
    }
  }

  @Test
  void trainingLearnsTheTask() {
    assertTrue(result.testAccuracy() > 0.6, "accuracy " + result.testAccuracy());
  }

  @Test
  void fixedBanksHaveNoVariablesAndNoOptimizerSlots() {
    List<String> variables = new ArrayList<>();
    Iterator<GraphOperation> ops = session.graph().operations();
    while (ops.hasNext()) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op.name());
      }
    }
    for (String name : variables) {
      assertFalse(name.contains("gabor_"), "fixed bank became a variable: " + name);
    }
    // Each learnable tensor has itself, Adam's two moments and its two bias-correction powers.
    assertEquals(session.network().learnables().size() * 5, variables.size(), variables.toString());
  }

  @Test
  void noFilterGradientIsComputedForFixedBanks() {
    float[] images = new float[CONFIG.batchSize() * 144];
    int[] labels = new int[CONFIG.batchSize()];
    int[] order = new int[DATA.train().size()];
    Arrays.setAll(order, i -> i);
    DATA.train().copyBatch(order, 0, CONFIG.batchSize(), images, labels);
    Set<String> kernels =
        session.filterGradientKernels(1, Batch.of(images, labels, CONFIG.batchSize(), 144));
    // Filter gradients for the two learnable conv kernels only; none for gabor_a or gabor_b.
    Set<String> learnableConvKernels =
        session.network().learnables().stream()
            .filter(v -> v.shape().numDimensions() == 4)
            .map(v -> v.variable().op().name())
            .collect(Collectors.toSet());
    assertEquals(2, learnableConvKernels.size(), learnableConvKernels.toString());
    assertEquals(learnableConvKernels, kernels);
  }
}
