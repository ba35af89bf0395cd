package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.train.StepTracer;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.examples.models.GaborLeNetTrainer;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.inject.DataSourcesModule;
import io.gaborflow.tensorflow.train.TrainingListener;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
import io.gaborflow.tensorflow.train.TrainingSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * The generated gabor-lenet, trained on a 2,000-image slice of the real Fashion-MNIST (Debian's
 * dataset-fashion-mnist, which .ci/run installs): it learns, and its fixed banks stay fixed and
 * cost no filter gradient.
 */
class GaborLeNetOnFashionMnistTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().epochs(5).batchSize(32).seed(1).threads(2).build();

  private static Dataset data;
  private static TrainingSession session;
  private static Map<String, float[]> initial;
  private static TrainingResult result;

  @BeforeAll
  static void train() {
    data = IdxDataSource.load(DataSourcesModule.FASHION_MNIST_DIRECTORY, "fashion-mnist").head(2000, 2000);
    GaborLeNetTrainer trainer = new GaborLeNetTrainer(CONFIG, data, java.util.Set.of());
    session = trainer.newSession();
    session.initialize(CONFIG.seed());
    initial = new HashMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      initial.put(v.name(), session.valueOf(v.variable()));
    }
    result = trainer.train(session);
  }

  @AfterAll
  static void close() {
    session.close();
  }

  @Test
  void reachesMoreThan75PercentOnTheTestSlice() {
    assertEquals(2000, result.trainImages());
    assertTrue(result.testAccuracy() > 0.75, "test accuracy " + result.testAccuracy());
  }

  @Test
  void fixedBanksAreBitIdenticalToTheDeclaredGaborValues() {
    List<FixedBank> banks = session.network().fixedBanks();
    assertEquals(List.of("layer1/gabor1", "layer3/gabor2"), banks.stream().map(FixedBank::name).toList());
    // What GaborLeNet declares, computed here independently of the generated code.
    GaborBankSpec[] declared = {
      GaborBankSpec.builder().orientations(5).wavelengths(4).phases(0, 90).sigma(2).build(),
      GaborBankSpec.builder().orientations(25).wavelengths(4).phases(0).sigma(2).build()
    };
    for (int i = 0; i < banks.size(); i++) {
      FixedBank bank = banks.get(i);
      assertEquals(ChannelCoverage.SHARED, bank.coverage());
      float[] expected = FilterBank.of(declared[i], 5).toHwio(1, ChannelCoverage.SHARED);
      assertArrayEquals(expected, session.valueOf(bank.kernel()), bank.name());
    }
  }

  @Test
  void everyLearnableKernelChanged() {
    for (LearnableVariable v : session.network().learnables()) {
      if (v.initializer() != null) {
        assertFalse(Arrays.equals(initial.get(v.name()), session.valueOf(v.variable())), v.name());
      }
    }
  }

  @Test
  void fixedBanksHaveNoVariableAndNoOptimizerSlot() {
    List<String> variables = new ArrayList<>();
    for (Iterator<GraphOperation> it = session.graph().operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op.name());
      }
    }
    assertTrue(variables.stream().noneMatch(n -> n.contains("gabor")), variables.toString());
    // conv1, conv2, fc1, logits: kernel and bias each, with Adam's m and v; plus two beta powers.
    assertEquals(8 * 3 + 2, variables.size(), variables.toString());
  }

  @Test
  void aTrainingStepComputesFilterGradientsOnlyForLearnableBanks() {
    int batch = CONFIG.batchSize();
    float[] images = new float[batch * 28 * 28];
    int[] labels = new int[batch];
    int[] order = new int[batch];
    Arrays.setAll(order, i -> i);
    data.train().copyBatch(order, 0, batch, images, labels);
    Set<String> kernels = StepTracer.trace(session, 1, images, labels, batch).filterGradientKernels();
    assertEquals(Set.of("layer1.conv1.kernel", "layer3.conv2.kernel"), kernels);
  }
}
