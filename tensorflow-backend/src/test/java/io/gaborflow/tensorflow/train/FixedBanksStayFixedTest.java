package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.LearnableVariable;
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
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.proto.RunOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user of fixed banks relies on: they never change, and they cost no training work. */
class FixedBanksStayFixedTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().epochs(2).batchSize(16).learningRate(1e-2f).seed(7).threads(2).build();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 320, 80, 3);

  private static TrainingSession session;
  private static Map<String, float[]> initialLearnables;
  private static TrainingResult result;

  @BeforeAll
  static void train() {
    session = TrainingSession.create(new SmallGaborNet(), CONFIG);
    session.initialize(CONFIG.seed());
    initialLearnables = new HashMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      initialLearnables.put(v.name(), session.valueOf(v.variable()));
    }
    result = new TrainingLoop(CONFIG, TrainingListener.silent()).run(session, DATA);
  }

  @AfterAll
  static void close() {
    session.close();
  }

  @Test
  void fixedBanksAreBitIdenticalToTheirGaborValuesAfterTraining() {
    List<FixedBank> banks = session.network().fixedBanks();
    assertEquals(2, banks.size());
    // SmallGaborNet's declarations, computed here independently of the graph.
    float[][] expected = {
      FilterBank.of(GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build(), 3)
          .toHwio(1, ChannelCoverage.SHARED),
      FilterBank.of(GaborBankSpec.builder().orientations(3).phases(0).sigma(1).coverage(ChannelCoverage.SINGLE)
          .build(), 3).toHwio(8, ChannelCoverage.SINGLE)
    };
    for (int i = 0; i < banks.size(); i++) {
      assertArrayEquals(expected[i], session.valueOf(banks.get(i).kernel()), banks.get(i).name());
    }
  }

  @Test
  void learnableBanksChangedDuringTraining() {
    for (LearnableVariable v : session.network().learnables()) {
      if (v.initializer() == null) {
        continue; // biases start at zero and may legitimately stay near it
      }
      float[] now = session.valueOf(v.variable());
      assertFalse(Arrays.equals(initialLearnables.get(v.name()), now), v.name() + " did not change");
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
    // Each learnable tensor has itself and Adam's two moments; Adam adds its two beta powers.
    assertEquals(session.network().learnables().size() * 3 + 2, variables.size(), variables.toString());
  }

  @Test
  void noFilterGradientIsComputedForFixedBanks() {
    float[] images = new float[CONFIG.batchSize() * 144];
    int[] labels = new int[CONFIG.batchSize()];
    int[] order = new int[DATA.train().size()];
    Arrays.setAll(order, i -> i);
    DATA.train().copyBatch(order, 0, CONFIG.batchSize(), images, labels);
    Set<String> kernels = StepTracer.trace(session, 1, images, labels, CONFIG.batchSize()).filterGradientKernels();
    // Filter gradients for the two learnable conv kernels only; none for gabor_a or gabor_b.
    Set<String> learnableConvKernels = session.network().learnables().stream()
        .filter(v -> v.shape().numDimensions() == 4)
        .map(v -> v.variable().op().name())
        .collect(Collectors.toSet());
    assertEquals(2, learnableConvKernels.size(), learnableConvKernels.toString());
    assertEquals(learnableConvKernels, kernels);
  }
}
