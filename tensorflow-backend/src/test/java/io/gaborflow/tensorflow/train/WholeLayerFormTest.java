package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One convolution over a whole mixed layer trains as the per-bank form does: the same variables (no
 * optimizer state or kernel for the fixed part), the same losses and the same weights after
 * training, for shared and single-channel Gabor banks, with and without batch normalisation and
 * shortcuts. Only the order of floating-point additions differs.
 */
class WholeLayerFormTest {
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 96, 32, 5);

  static Stream<Arguments> networks() {
    return Stream.of(
        Arguments.of(new SmallGaborNet(), OptimizerKind.ADAM),
        Arguments.of(new SmallResidualNet(), OptimizerKind.MOMENTUM));
  }

  static Stream<Arguments> networksAndWholeForms() {
    return networks()
        .flatMap(
            a ->
                Stream.of(LayerForm.WHOLE_LAYER, LayerForm.SPLIT_GRADIENT)
                    .map(form -> Arguments.of(a.get()[0], a.get()[1], form)));
  }

  private record Trained(
      TrainingResult result, Map<String, float[]> values, List<String> state, long wholeKernels) {}

  private static Trained train(ModelGraph model, OptimizerKind optimizer, LayerForm form) {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(2)
            .batchSize(16)
            .optimizer(optimizer.standard())
            .learningRate(optimizer == OptimizerKind.ADAM ? 1e-2f : 5e-2f)
            .seed(4)
            .threads(1)
            .deterministic(true)
            .layerForm(form)
            .build();
    try (ModelSession session = ModelSession.open(model, config)) {
      TrainingResult result = Runs.train(session, DATA);
      List<String> state = new ArrayList<>(session.variables().variableShapes().keySet());
      long wholeKernels = 0;
      for (var it = session.graph().operations(); it.hasNext(); ) {
        wholeKernels += it.next().name().endsWith("/layer_kernel") ? 1 : 0;
      }
      return new Trained(result, SessionValues.all(session), state, wholeKernels);
    }
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("networksAndWholeForms")
  void trainsAsThePerBankFormDoes(ModelGraph model, OptimizerKind optimizer, LayerForm form) {
    Trained perBank = train(model, optimizer, LayerForm.PER_BANK);
    Trained whole = train(model, optimizer, form);
    assertEquals(0, perBank.wholeKernels());
    assertTrue(whole.wholeKernels() > 0, "the mixed layers are built whole");
    assertEquals(perBank.state(), whole.state(), "the same variables and optimizer state");
    for (int e = 0; e < 2; e++) {
      assertEquals(
          perBank.result().epochs().get(e).trainLoss(),
          whole.result().epochs().get(e).trainLoss(),
          1e-4,
          "training loss of epoch " + (e + 1));
    }
    assertEquals(perBank.values().keySet(), whole.values().keySet());
    for (var entry : perBank.values().entrySet()) {
      float[] a = entry.getValue();
      float[] b = whole.values().get(entry.getKey());
      double scale = 0;
      double worst = 0;
      for (int i = 0; i < a.length; i++) {
        scale = Math.max(scale, Math.abs(a[i]));
        worst = Math.max(worst, Math.abs(a[i] - b[i]));
      }
      assertTrue(
          worst <= 1e-3 * Math.max(scale, 1e-3),
          entry.getKey() + " differs by " + worst + " (largest value " + scale + ")");
    }
  }

  /**
   * The point of the split form: one convolution forward and one input gradient for the whole
   * layer, but a filter gradient for the learned banks' output channels only, never for the fixed
   * part (the whole-layer form's filter gradient reads the joined kernel, as the all-learnable
   * layer's does).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void computesFilterGradientsOfTheLearnedKernelsOnly(ModelGraph model, OptimizerKind optimizer) {
    TrainingConfig config =
        TrainingConfig.builder()
            .batchSize(16)
            .optimizer(optimizer.standard())
            .threads(1)
            .layerForm(LayerForm.SPLIT_GRADIENT)
            .build();
    try (ModelSession session = ModelSession.open(model, config)) {
      session.initialize(1);
      Set<String> learnedKernels =
          session.network().learnables().stream()
              .filter(v -> v.shape().numDimensions() == 4)
              .map(v -> v.variable().op().name())
              .collect(Collectors.toSet());
      int size = model.spec().input().height();
      Batch batch = SyntheticData.stripesBatch(size, model.spec().classes(), 16, 2);
      assertEquals(learnedKernels, session.filterGradientKernels(1, batch));
    }
  }
}
