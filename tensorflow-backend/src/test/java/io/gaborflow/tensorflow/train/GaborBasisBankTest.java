package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GaborBasisBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.ParameterCount;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.Shape;

/**
 * A Gabor basis bank learns only its channel mixing: the basis is no variable and has no optimizer
 * state, the mixing kernels train, and the network learns a task through them.
 */
class GaborBasisBankTest {
  private static final GaborBankSpec BASIS =
      GaborBankSpec.builder().angles(0, 90).wavelengths(3).phases(0, 90).sigma(1).build();
  private static final NetworkSpec SPEC =
      NetworkSpec.builder("test.BasisNet", "basis-net", FeatureShape.spatial(12, 12, 1), 4)
          .layer(
              "basis_a",
              new ConvLayerSpec(
                  3,
                  1,
                  Padding.VALID,
                  Activation.RELU,
                  List.of(new GaborBasisBankSpec("basis_a", 6, Initializer.HE_NORMAL, BASIS))))
          .layer("pool", new PoolLayerSpec("pool", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
          .layer(
              "mixed_b",
              new ConvLayerSpec(
                  3,
                  1,
                  Padding.SAME,
                  Activation.RELU,
                  List.of(
                      new GaborBasisBankSpec("basis_b", 5, Initializer.HE_NORMAL, BASIS),
                      new LearnableBankSpec("learned_b", 3, Initializer.HE_NORMAL))))
          .layer("flat", new FlattenLayerSpec("flat"))
          .layer(
              "logits",
              new DenseLayerSpec("logits", 4, Activation.NONE, Initializer.GLOROT_UNIFORM))
          .build();
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
  private static Map<String, float[]> initial;
  private static TrainingResult result;

  @BeforeAll
  static void train() {
    session = ModelSession.open(ModelGraph.of(SPEC), CONFIG);
    session.initialize(CONFIG.seed());
    initial = values();
    result = Runs.train(session, DATA, TrainingListener.silent());
  }

  @AfterAll
  static void close() {
    session.close();
  }

  private static Map<String, float[]> values() {
    Map<String, float[]> values = new TreeMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      values.put(v.name(), session.valueOf(v.variable()));
    }
    return values;
  }

  @Test
  void theOnlyVariablesOfABasisBankAreItsMixingKernelAndBias() {
    Map<String, Shape> shapes = new TreeMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      shapes.put(v.name(), v.shape());
    }
    // 4 basis kernels on 1 input channel, then on 6 channels.
    assertEquals(Shape.of(1, 1, 4, 6), shapes.get("layer1/basis_a/kernel"));
    assertEquals(Shape.of(1, 1, 24, 5), shapes.get("layer3/basis_b/kernel"));
    assertEquals(Shape.of(3, 3, 6, 3), shapes.get("layer3/learned_b/kernel"));
    assertEquals(
        ParameterCount.of(SPEC).learnable(),
        shapes.values().stream().mapToLong(Shape::size).sum(),
        "the description counts what the graph trains");
  }

  @Test
  void theBasisHasNoVariableAndNoOptimizerSlots() {
    List<String> variables = new ArrayList<>();
    Iterator<GraphOperation> ops = session.graph().operations();
    while (ops.hasNext()) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op.name());
        assertTrue(
            !op.name().contains("basis") || !op.output(0).shape().equals(Shape.of(3, 3, 1, 4)),
            "the basis became a variable: " + op.name());
      }
    }
    // Each learnable tensor has itself, Adam's two moments and its two bias-correction powers.
    assertEquals(session.network().learnables().size() * 5, variables.size(), variables.toString());
  }

  @Test
  void noDepthwiseFilterGradientIsComputed() {
    Set<String> kernels =
        session.filterGradientKernels(1, SyntheticData.stripesBatch(12, 4, CONFIG.batchSize(), 3));
    // One filter gradient per learned bank (a basis bank's is that of its composed kernel); none
    // for the basis itself, which no depthwise convolution reads.
    assertEquals(
        Set.of("layer1/basis_a/kernel", "layer3/basis_b/kernel", "layer3.learned_b.kernel"),
        kernels);
  }

  @Test
  void theMixingTrainsAndTheNetworkLearnsTheTask() {
    Map<String, float[]> trained = values();
    for (String name : List.of("layer1/basis_a/kernel", "layer3/basis_b/kernel")) {
      assertTrue(!Arrays.equals(initial.get(name), trained.get(name)), name + " did not change");
    }
    assertTrue(result.testAccuracy() > 0.6, "accuracy " + result.testAccuracy());
  }
}
