package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.examples.models.GaborLeNetTrainer;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.inject.DataSourcesModule;
import io.gaborflow.tensorflow.testing.BankProbe;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
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
  private static ModelSession session;
  private static Map<String, float[]> initial;
  private static Map<String, float[]> initialResponses;
  private static TrainingResult result;

  @BeforeAll
  static void train() {
    data =
        IdxDataSource.load(DataSourcesModule.FASHION_MNIST_DIRECTORY, "fashion-mnist")
            .head(2000, 2000);
    GaborLeNetTrainer trainer = new GaborLeNetTrainer(CONFIG, data, java.util.Set.of());
    session = trainer.openSession();
    session.initialize(CONFIG.seed());
    initialResponses = BankProbe.responses(session);
    initial = new HashMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      initial.put(v.name(), session.valueOf(v.variable()));
    }
    result = trainer.train(session, RunOptions.NONE, List.of());
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
  void fixedBanksApplyTheSameFiltersAfterTraining() {
    List<FixedBank> banks = session.network().fixedBanks();
    assertEquals(
        List.of("layer1/gabor1", "layer3/gabor2"), banks.stream().map(FixedBank::name).toList());
    Map<String, float[]> trained = BankProbe.responses(session);
    for (FixedBank bank : banks) {
      assertArrayEquals(initialResponses.get(bank.name()), trained.get(bank.name()), bank.name());
    }
    for (String learned : List.of("layer1/conv1", "layer3/conv2")) {
      assertFalse(
          Arrays.equals(initialResponses.get(learned), trained.get(learned)),
          learned + " did not change");
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
    // conv1, conv2, fc1, logits: kernel and bias each, with Adam's m and v and two beta powers.
    assertEquals(8 * 5, variables.size(), variables.toString());
  }

  @Test
  void aTrainingStepComputesFilterGradientsOnlyForLearnableBanks() {
    int batch = CONFIG.batchSize();
    float[] images = new float[batch * 28 * 28];
    int[] labels = new int[batch];
    int[] order = new int[batch];
    Arrays.setAll(order, i -> i);
    data.train().copyBatch(order, 0, batch, images, labels);
    Set<String> kernels =
        session.filterGradientKernels(1, Batch.of(images, labels, batch, 28 * 28));
    assertEquals(Set.of("layer1.conv1.kernel", "layer3.conv2.kernel"), kernels);
  }
}
