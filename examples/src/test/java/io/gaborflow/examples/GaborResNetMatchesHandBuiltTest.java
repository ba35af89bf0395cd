package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.examples.models.GaborBasisResNet20Graph;
import io.gaborflow.examples.models.GaborSharedResNet20Graph;
import io.gaborflow.examples.models.GaborStage1ResNet20Graph;
import io.gaborflow.examples.models.GaborStemResNet20Graph;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Each generated Gabor ResNet-20 design computes the same training-mode function and gradients as
 * ResNet-20 written by hand the way the Keras peer writes it: each fixed bank a frozen convolution
 * over all input channels (the SHARED kernel divided by their number), concatenated with the
 * learned one, then batch normalisation of the whole; a Gabor basis a frozen depthwise convolution
 * followed by the learned 1x1 one, as Pérez et al. write it. gaborflow composes the basis and the
 * 1x1 kernel into one 3x3 kernel instead. gaborflow computes the fixed half as a channel mean and
 * one single-channel convolution in a matrix form, keeps the halves apart through normalisation,
 * activation and the shortcut additions, and splits each learned convolution over them.
 */
class GaborResNetMatchesHandBuiltTest {
  private static final int BATCH = 8;
  private static final GaborBankSpec BANK =
      GaborBankSpec.builder().orientations(4).wavelengths(3).phases(0, 90).sigma(1).build();
  private static final double EPSILON = 0.001;

  /**
   * The scopes whose ReLUs the hand-built graph takes its masks from: the stem's normalisation,
   * then per block its first normalisation and its addition.
   */
  private static final List<String> RELU_SITES = reluSites();

  private static List<String> reluSites() {
    List<String> sites = new ArrayList<>(List.of("layer2/bn1"));
    for (int stage = 0; stage < 3; stage++) {
      for (int repeat = 1; repeat <= 3; repeat++) {
        String block = "layer" + (3 + stage) + "/block" + repeat + "/";
        sites.add(block + "layer2/bn1");
        sites.add(block + "layer5");
      }
    }
    return List.copyOf(sites);
  }

  /** A ReLU output of the generated graph, branch by branch. */
  private record Masked(float[] values, Shape shape) {}

  /** The basis of {@link GaborBasisResNet20}'s block convolutions. */
  private static final GaborBankSpec BASIS =
      GaborBankSpec.builder()
          .angles(0, 90)
          .wavelengths(3)
          .phases(0, 90)
          .sigma(1)
          .normalization(Normalization.NONE)
          .build();

  static Stream<ModelGraph> designs() {
    return Stream.of(
        new GaborSharedResNet20Graph(),
        new GaborStemResNet20Graph(),
        new GaborStage1ResNet20Graph(),
        new GaborBasisResNet20Graph());
  }

  @ParameterizedTest
  @MethodSource("designs")
  void sameLogitsAndGradientsOnOneBatch(ModelGraph design) {
    float[] images = new float[BATCH * 32 * 32 * 3];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextDouble();
    }
    int[] labels = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      labels[i] = i % 10;
    }
    Map<String, float[]> weights = new HashMap<>();
    Map<String, Shape> shapes = new HashMap<>();
    List<String> names = new ArrayList<>();
    float[] generated;
    List<float[]> generatedGradients = new ArrayList<>();
    Map<String, Masked> reluOutputs = new HashMap<>();
    TrainingConfig config = TrainingConfig.builder().seed(5).threads(2).build();
    try (ModelSession session = ModelSession.open(design, config)) {
      session.initialize(config.seed());
      List<Output<?>> xs = new ArrayList<>();
      for (LearnableVariable v : session.network().learnables()) {
        // Batch normalisation starts at scale 1 and offset 0; other values check that they are
        // used.
        float[] value = session.valueOf(v.variable());
        if (v.name().endsWith("gamma") || v.name().endsWith("beta")) {
          for (int i = 0; i < value.length; i++) {
            value[i] = (float) random.nextDouble(0.5, 1.5) - (v.name().endsWith("beta") ? 1 : 0);
          }
        }
        weights.put(v.name(), value);
        shapes.put(v.name(), v.shape());
        names.add(v.name());
        xs.add(v.variable().asOutput());
      }
      Ops tf = Ops.create(session.graph()).withSubScope("check");
      Map<String, Operand<TFloat32>> given = new HashMap<>();
      for (LearnableVariable v : session.network().learnables()) {
        given.put(
            v.name(), tf.constant(v.shape(), DataBuffers.of(weights.get(v.name()), true, false)));
      }
      List<org.tensorflow.op.Op> set = new ArrayList<>();
      for (LearnableVariable v : session.network().learnables()) {
        set.add(tf.assign(v.variable(), given.get(v.name())));
      }
      Session.Runner setter = session.session().runner();
      set.forEach(setter::addTarget);
      setter.run().close();
      Operand<TFloat32> loss =
          LogitsAndGradients.loss(tf, session.network().trainingLogits(), labels, 10);
      try (TFloat32 x =
          TFloat32.tensorOf(Shape.of(BATCH, 32, 32, 3), DataBuffers.of(images, true, false))) {
        Session.Runner runner = session.session().runner().feed(session.network().images(), x);
        List<String> reluOps = new ArrayList<>();
        for (String site : RELU_SITES) {
          for (String op : List.of(site + "/Relu", site + "/Relu_1")) {
            if (session.graph().operation(op) != null) {
              reluOps.add(op);
            }
          }
        }
        List<float[]> fetched =
            LogitsAndGradients.fetch(
                session.graph(), runner, session.network().trainingLogits(), loss, xs, reluOps);
        for (int i = 0; i < reluOps.size(); i++) {
          Shape shape = session.graph().operation(reluOps.get(i)).output(0).shape();
          reluOutputs.put(
              reluOps.get(i),
              new Masked(
                  fetched.get(1 + xs.size() + i),
                  Shape.of(BATCH, shape.get(1), shape.get(2), shape.get(3))));
        }
        generated = fetched.get(0);
        generatedGradients.addAll(fetched.subList(1, 1 + xs.size()));
      }
    }
    List<float[]> handBuilt = handBuilt(weights, shapes, names, images, labels, reluOutputs);
    assertClose(handBuilt.get(0), generated, "logits");
    for (int i = 0; i < names.size(); i++) {
      assertClose(handBuilt.get(i + 1), generatedGradients.get(i), "gradient of " + names.get(i));
    }
  }

  /**
   * Within 1e-4 of the largest magnitude everywhere, and within 1 % of its own value wherever it is
   * above 1 % of the largest magnitude.
   */
  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    assertTrue(scale > 0, what + " is all zeros");
    for (int i = 0; i < expected.length; i++) {
      double difference = Math.abs(expected[i] - actual[i]);
      assertTrue(
          difference <= 1e-4 * scale,
          what
              + "["
              + i
              + "]: "
              + actual[i]
              + " against "
              + expected[i]
              + ", more than 1e-4 of the largest magnitude "
              + scale);
      if (Math.abs(expected[i]) > 0.01 * scale) {
        assertTrue(
            difference <= 0.01 * Math.abs(expected[i]),
            what
                + "["
                + i
                + "]: "
                + actual[i]
                + " against "
                + expected[i]
                + ", more than 1 % apart");
      }
    }
  }

  /** The logits, then the gradient of the loss for each of {@code names}. */
  private static List<float[]> handBuilt(
      Map<String, float[]> w,
      Map<String, Shape> shapes,
      List<String> names,
      float[] images,
      int[] labels,
      Map<String, Masked> reluOutputs) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      HandBuilt net = new HandBuilt(Ops.create(g), w, shapes, reluOutputs);
      Ops tf = net.tf;
      Operand<TFloat32> x =
          tf.constant(Shape.of(BATCH, 32, 32, 3), DataBuffers.of(images, true, false));
      x =
          net.relu(
              net.norm(net.conv(x, 3, 16, 1, "layer1/gabor1", "layer1/conv1"), "layer2/bn1"),
              "layer2/bn1");
      int channels = 16;
      int[] widths = {16, 32, 64};
      for (int stage = 0; stage < 3; stage++) {
        for (int repeat = 1; repeat <= 3; repeat++) {
          String block = "layer" + (3 + stage) + "/block" + repeat + "/";
          int stride = stage > 0 && repeat == 1 ? 2 : 1;
          int width = widths[stage];
          Operand<TFloat32> y =
              net.relu(
                  net.norm(
                      net.conv(
                          x,
                          channels,
                          width,
                          stride,
                          block + "layer1/gabor1",
                          block + "layer1/conv1"),
                      block + "layer2/bn1"),
                  block + "layer2/bn1");
          y =
              net.norm(
                  net.conv(y, width, width, 1, block + "layer3/gabor2", block + "layer3/conv2"),
                  block + "layer4/bn2");
          Operand<TFloat32> shortcut = x;
          if (stride != 1 || channels != width) {
            shortcut =
                net.norm(
                    tf.nn.conv2d(
                        x,
                        net.weight(block + "layer5/shortcut/projection/kernel"),
                        List.of(1L, (long) stride, (long) stride, 1L),
                        "VALID"),
                    block + "layer5/shortcut_bn/bn");
          }
          x = net.relu(tf.math.add(y, shortcut), block + "layer5");
          channels = width;
        }
      }
      x = tf.math.mean(x, tf.constant(new int[] {1, 2}));
      Operand<TFloat32> logits =
          tf.nn.biasAdd(
              tf.linalg.matMul(x, net.weight("layer7/logits/kernel")),
              net.weight("layer7/logits/bias"));
      List<Output<?>> xs =
          names.stream().<Output<?>>map(name -> net.weight(name).asOutput()).toList();
      return LogitsAndGradients.fetch(
          g, s.runner(), logits, LogitsAndGradients.loss(tf, logits, labels, 10), xs, List.of());
    }
  }

  /** The Keras-style layers, over constants holding the generated model's weights. */
  private static final class HandBuilt {
    final Ops tf;
    private final Map<String, Operand<TFloat32>> constants = new HashMap<>();
    private final Map<String, float[]> values;
    private final Map<String, Shape> shapes;

    private final Map<String, Masked> reluOutputs;

    HandBuilt(
        Ops tf,
        Map<String, float[]> values,
        Map<String, Shape> shapes,
        Map<String, Masked> reluOutputs) {
      this.tf = tf;
      this.values = values;
      this.shapes = shapes;
      this.reluOutputs = reluOutputs;
    }

    /**
     * A ReLU that keeps the elements the generated graph's ReLU at {@code site} kept. The graphs
     * round differently, so an input within rounding of 0 could fall on the other side of it in one
     * of them; the two would then differ by that element's whole gradient, which is a tie of the
     * activation and not a difference of the lowering (bench/README.md has the runs that showed
     * it).
     */
    Operand<TFloat32> relu(Operand<TFloat32> x, String site) {
      List<Operand<TFloat32>> parts = new ArrayList<>();
      for (String op : List.of(site + "/Relu", site + "/Relu_1")) {
        Masked out = reluOutputs.get(op);
        if (out != null) {
          float[] mask = new float[out.values().length];
          for (int i = 0; i < mask.length; i++) {
            mask[i] = out.values()[i] > 0 ? 1 : 0;
          }
          parts.add(tf.constant(out.shape(), DataBuffers.of(mask, true, false)));
        }
      }
      Operand<TFloat32> mask = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(3));
      return tf.math.mul(x, mask);
    }

    Operand<TFloat32> weight(String name) {
      return constants.computeIfAbsent(
          name, n -> tf.constant(shapes.get(n), DataBuffers.of(values.get(n), true, false)));
    }

    /**
     * A 3x3 convolution of {@code width} filters as the design declares it, told by the learned
     * kernel's shape: all learned; half a frozen Gabor convolution beside the learned half; or a
     * Gabor basis (a frozen depthwise convolution) mixed by a learned 1x1 convolution.
     */
    Operand<TFloat32> conv(
        Operand<TFloat32> x, int cin, int width, int stride, String gabor, String learned) {
      Shape kernel = shapes.get(learned + "/kernel");
      List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
      if (kernel.get(0) == 1) {
        FilterBank basis = FilterBank.of(BASIS, 3);
        Operand<TFloat32> depthwise =
            tf.constant(
                Shape.of(3, 3, cin, basis.filterCount()),
                DataBuffers.of(basis.toDepthwise(cin), true, false));
        return tf.nn.conv2d(
            tf.nn.depthwiseConv2dNative(x, depthwise, strides, "SAME"),
            weight(learned + "/kernel"),
            List.of(1L, 1L, 1L, 1L),
            "VALID");
      }
      if (kernel.get(3) == width) {
        return tf.nn.conv2d(x, weight(learned + "/kernel"), strides, "SAME");
      }
      return mixedConv(x, cin, width, strides, learned);
    }

    /** The frozen full convolution of the Gabor bank beside the learned one, concatenated. */
    private Operand<TFloat32> mixedConv(
        Operand<TFloat32> x, int cin, int width, List<Long> strides, String learned) {
      FilterBank bank = FilterBank.of(BANK.withFilterCount(width / 2), 3);
      Operand<TFloat32> frozen =
          tf.constant(
              Shape.of(3, 3, cin, bank.filterCount()),
              DataBuffers.of(bank.toHwio(cin, ChannelCoverage.SHARED), true, false));
      Operand<TFloat32> fixedOut = tf.nn.conv2d(x, frozen, strides, "SAME");
      Operand<TFloat32> learnedOut = tf.nn.conv2d(x, weight(learned + "/kernel"), strides, "SAME");
      return tf.concat(List.of(fixedOut, learnedOut), tf.constant(3));
    }

    /** Batch normalisation in training mode over all channels at once. */
    Operand<TFloat32> norm(Operand<TFloat32> x, String name) {
      return FusedBatchNorm.create(
              tf.scope(),
              x,
              weight(name + "/gamma"),
              weight(name + "/beta"),
              tf.constant(new float[0]),
              tf.constant(new float[0]),
              FusedBatchNorm.epsilon((float) EPSILON),
              FusedBatchNorm.isTraining(true))
          .y();
    }
  }
}
