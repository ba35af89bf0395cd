package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The generated gabor-lenet computes the same function, and the same gradients, as the network
 * written by hand the way the Keras answer writes it: the fixed bank as an ordinary frozen
 * convolution over all input channels, concatenated with the learned one. gaborflow computes the
 * same thing differently (channel mean, the fixed bank of layer 3 as a matrix product, layer 3's
 * learned bank split over its input's fixed and learned channels); this is the check that those
 * rewrites change the cost and nothing else.
 */
class GeneratedGraphMatchesHandBuiltTest {
  private static final int BATCH = 50;

  private static final List<String> WEIGHTS =
      List.of(
          "layer1/conv1/kernel",
          "layer1/conv1/bias",
          "layer3/conv2/kernel",
          "layer3/conv2/bias",
          "layer5/fc1/kernel",
          "layer5/fc1/bias",
          "layer6/logits/kernel",
          "layer6/logits/bias");

  @Test
  void sameLogitsAndGradientsOnOneBatch() {
    Dataset data = new EmbeddedFashionMnist().load(DataSpec.parse("embedded"));
    float[] images = new float[BATCH * 784];
    int[] labels = new int[BATCH];
    int[] order = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      order[i] = i * 7;
    }
    data.test().copyBatch(order, 0, BATCH, images, labels);

    Map<String, float[]> weights = new HashMap<>();
    float[] generated;
    List<float[]> generatedGradients = new ArrayList<>();
    TrainingConfig config = TrainingConfig.builder().seed(5).threads(2).build();
    try (ModelSession session = ModelSession.open(new GaborLeNetGraph(), config)) {
      session.initialize(config.seed());
      Map<String, Output<?>> variables = new HashMap<>();
      for (LearnableVariable v : session.network().learnables()) {
        weights.put(v.name(), session.valueOf(v.variable()));
        variables.put(v.name(), v.variable().asOutput());
      }
      Ops tf = Ops.create(session.graph()).withSubScope("check");
      Operand<TFloat32> loss =
          LogitsAndGradients.loss(tf, session.network().trainingLogits(), labels, 10);
      List<Output<?>> xs = WEIGHTS.stream().<Output<?>>map(variables::get).toList();
      try (TFloat32 x = constantTensor(images, Shape.of(BATCH, 28, 28, 1))) {
        List<float[]> fetched =
            LogitsAndGradients.fetch(
                session.graph(),
                session.session().runner().feed(session.network().images(), x),
                session.network().trainingLogits(),
                loss,
                xs,
                List.of());
        generated = fetched.get(0);
        generatedGradients.addAll(fetched.subList(1, fetched.size()));
      }
    }
    List<float[]> handBuilt = handBuilt(weights, images, labels);
    assertClose(handBuilt.get(0), generated, 1e-4, "logits");
    for (int i = 0; i < WEIGHTS.size(); i++) {
      assertClose(
          handBuilt.get(i + 1), generatedGradients.get(i), 1e-3, "gradient of " + WEIGHTS.get(i));
    }
  }

  /** Largest difference relative to the largest magnitude of the expected values. */
  private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / scale);
    }
    assertTrue(scale > 0, what + " is all zeros");
    assertEquals(
        0,
        worst,
        tolerance,
        "largest difference in the " + what + ", relative to its largest value");
  }

  /** The logits, then the gradient of the loss for each of {@link #WEIGHTS}. */
  private static List<float[]> handBuilt(Map<String, float[]> w, float[] images, int[] labels) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Map<String, Operand<TFloat32>> c = new HashMap<>();
      int[][] shapes = {
        {5, 5, 1, 10}, {10}, {5, 5, 20, 25}, {25}, {800, 500}, {500}, {500, 10}, {10}
      };
      for (int i = 0; i < WEIGHTS.size(); i++) {
        long[] dims = Arrays.stream(shapes[i]).asLongStream().toArray();
        c.put(WEIGHTS.get(i), constant(tf, w.get(WEIGHTS.get(i)), Shape.of(dims)));
      }
      Operand<TFloat32> x = constant(tf, images, Shape.of(BATCH, 28, 28, 1));
      GaborBankSpec bank1 =
          GaborBankSpec.builder().orientations(5).wavelengths(4).phases(0, 90).sigma(2).build();
      GaborBankSpec bank2 =
          GaborBankSpec.builder().orientations(25).wavelengths(4).phases(0).sigma(2).build();
      x = mixedConv(tf, x, 1, bank1, c.get("layer1/conv1/kernel"), c.get("layer1/conv1/bias"));
      x = pool(tf, x);
      x = mixedConv(tf, x, 20, bank2, c.get("layer3/conv2/kernel"), c.get("layer3/conv2/bias"));
      x = pool(tf, x);
      x = tf.reshape(x, tf.constant(new long[] {BATCH, 800}));
      x = tf.nn.relu(dense(tf, x, c.get("layer5/fc1/kernel"), c.get("layer5/fc1/bias")));
      Operand<TFloat32> logits =
          dense(tf, x, c.get("layer6/logits/kernel"), c.get("layer6/logits/bias"));
      List<Output<?>> xs = WEIGHTS.stream().<Output<?>>map(name -> c.get(name).asOutput()).toList();
      return LogitsAndGradients.fetch(
          g, s.runner(), logits, LogitsAndGradients.loss(tf, logits, labels, 10), xs, List.of());
    }
  }

  private static Operand<TFloat32> mixedConv(
      Ops tf,
      Operand<TFloat32> x,
      int cin,
      GaborBankSpec spec,
      Operand<TFloat32> kernel,
      Operand<TFloat32> bias) {
    FilterBank bank = FilterBank.of(spec, 5);
    Operand<TFloat32> frozen =
        constant(
            tf, bank.toHwio(cin, ChannelCoverage.SHARED), Shape.of(5, 5, cin, bank.filterCount()));
    List<Long> strides = List.of(1L, 1L, 1L, 1L);
    Operand<TFloat32> fixedOut = tf.nn.conv2d(x, frozen, strides, "VALID");
    Operand<TFloat32> learnedOut = tf.nn.biasAdd(tf.nn.conv2d(x, kernel, strides, "VALID"), bias);
    return tf.nn.relu(tf.concat(List.of(fixedOut, learnedOut), tf.constant(3)));
  }

  private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x) {
    return tf.nn.maxPool(
        x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
  }

  private static Operand<TFloat32> dense(
      Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, Operand<TFloat32> bias) {
    return tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
  }

  private static TFloat32 constantTensor(float[] values, Shape shape) {
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }

  private static Operand<TFloat32> constant(Ops tf, float[] values, Shape shape) {
    return tf.constant(shape, DataBuffers.of(values, true, false));
  }
}
