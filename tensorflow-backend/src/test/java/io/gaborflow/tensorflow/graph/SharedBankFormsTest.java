package io.gaborflow.tensorflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A SHARED fixed bank over a trained input is built as a matrix product on small maps and as k²
 * shifted copies times the kernel on larger ones. Both must be the plain frozen convolution over
 * all channels, in value and in the gradient they pass down, for every padding and stride.
 */
class SharedBankFormsTest {
  private static final int BATCH = 3;
  private static final int CHANNELS =
      4; // the learned first layer's filters, the fixed bank's input

  /** Learned 3 x 3 conv, then a mixed layer whose fixed bank is under test, then dense logits. */
  private record Net(int size, int kernel, int stride, Padding padding) implements ModelGraph {
    GaborBankSpec bank() {
      return GaborBankSpec.builder().orientations(3).phases(0, 90).sigma(1).build();
    }

    @Override
    public NetworkSpec spec() {
      return Specs.network("shared-bank-forms", size, 1, 3)
          .layer(
              "first",
              Specs.conv(
                  3,
                  1,
                  Padding.VALID,
                  Activation.RELU,
                  new LearnableBankSpec("first", CHANNELS, Initializer.GLOROT_UNIFORM)))
          .layer(
              "gabor",
              Specs.conv(
                  kernel,
                  stride,
                  padding,
                  Activation.NONE,
                  Specs.gabor("gabor", bank()),
                  Specs.learnable("learned", 2)))
          .layer("flat", Specs.flatten())
          .layer("logits", Specs.logits(3))
          .build();
    }
  }

  @ParameterizedTest(name = "{0}x{0} input, {1}x{1} kernel, stride {2}, {3}: {4}")
  @CsvSource({
    "10, 3, 1, SAME, matrix",
    "10, 5, 1, VALID, matrix",
    "22, 3, 2, SAME, taps",
    "22, 5, 2, SAME, taps",
    "21, 5, 1, VALID, taps",
    "23, 3, 3, VALID, taps"
  })
  void sameValueAndGradientAsTheFrozenConvolution(
      int size, int kernel, int stride, Padding padding, String form) {
    Net net = new Net(size, kernel, stride, padding);
    int mapSize = size - 2;
    assertEquals(
        form.equals("matrix"),
        ConvolutionMatrix.pays(
            mapSize, mapSize, new ConvGeometry(kernel, stride, padding), net.bank().filterCount()));
    float[] images = new float[BATCH * size * size];
    Random random = new Random(size * 10 + kernel);
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    Map<String, float[]> weights = new HashMap<>();
    List<float[]> built = new ArrayList<>();
    // Not deterministic: that configuration replaces the shifted copies this test checks.
    try (ModelSession session =
        ModelSession.open(
            net, TrainingConfig.builder().seed(3).threads(1).deterministic(false).build())) {
      session.initialize(3);
      List<Output<?>> xs = new ArrayList<>();
      for (LearnableVariable v : session.network().learnables()) {
        weights.put(v.name(), session.valueOf(v.variable()));
        xs.add(v.variable().asOutput());
      }
      Ops tf = Ops.create(session.graph()).withSubScope("check");
      Operand<TFloat32> logits = session.network().logits();
      Output<?>[] grads =
          session
              .graph()
              .addGradients(sumOfSquares(tf, logits).asOutput(), xs.toArray(Output<?>[]::new));
      try (TFloat32 x =
          TFloat32.tensorOf(Shape.of(BATCH, size, size, 1), DataBuffers.of(images, true, false))) {
        Session.Runner runner =
            session.session().runner().feed(session.network().images(), x).fetch(logits);
        for (Output<?> g : grads) {
          runner.fetch(g);
        }
        try (Result r = runner.run()) {
          for (int i = 0; i <= grads.length; i++) {
            built.add(FloatTensors.values((TFloat32) r.get(i)));
          }
        }
      }
    }
    List<float[]> expected = frozenConvolution(net, weights, images, mapSize);
    String[] what = {
      "logits",
      "first/kernel",
      "first/bias",
      "learned/kernel",
      "learned/bias",
      "logits/kernel",
      "logits/bias"
    };
    assertEquals(expected.size(), built.size());
    for (int i = 0; i < expected.size(); i++) {
      assertClose(expected.get(i), built.get(i), what[i]);
    }
  }

  /** The same network with the fixed bank as an ordinary convolution over all channels. */
  private static List<float[]> frozenConvolution(
      Net net, Map<String, float[]> w, float[] images, int mapSize) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      String[] names = {
        "layer1/first/kernel",
        "layer1/first/bias",
        "layer2/learned/kernel",
        "layer2/learned/bias",
        "layer4/logits/kernel",
        "layer4/logits/bias"
      };
      int out =
          Math.toIntExact(
              io.gaborflow.core.model.Windows.outputSize(
                  mapSize, net.kernel(), net.stride(), net.padding()));
      int filters = net.bank().filterCount() + 2;
      Shape[] shapes = {
        Shape.of(3, 3, 1, CHANNELS),
        Shape.of(CHANNELS),
        Shape.of(net.kernel(), net.kernel(), CHANNELS, 2),
        Shape.of(2),
        Shape.of((long) out * out * filters, 3),
        Shape.of(3)
      };
      List<Operand<TFloat32>> c = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        c.add(tf.constant(shapes[i], DataBuffers.of(w.get(names[i]), true, false)));
      }
      Operand<TFloat32> x =
          tf.constant(
              Shape.of(BATCH, net.size(), net.size(), 1), DataBuffers.of(images, true, false));
      List<Long> one = List.of(1L, 1L, 1L, 1L);
      List<Long> strides = List.of(1L, (long) net.stride(), (long) net.stride(), 1L);
      Operand<TFloat32> h =
          tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, c.get(0), one, "VALID"), c.get(1)));
      FilterBank bank = FilterBank.of(net.bank(), net.kernel());
      Operand<TFloat32> frozen =
          tf.constant(
              Shape.of(net.kernel(), net.kernel(), CHANNELS, bank.filterCount()),
              DataBuffers.of(bank.toHwio(CHANNELS, ChannelCoverage.SHARED), true, false));
      String padding = net.padding().name();
      Operand<TFloat32> mixed =
          tf.concat(
              List.of(
                  tf.nn.conv2d(h, frozen, strides, padding),
                  tf.nn.biasAdd(tf.nn.conv2d(h, c.get(2), strides, padding), c.get(3))),
              tf.constant(3));
      Operand<TFloat32> flat =
          tf.reshape(mixed, tf.constant(new long[] {BATCH, (long) out * out * filters}));
      Operand<TFloat32> logits = tf.nn.biasAdd(tf.linalg.matMul(flat, c.get(4)), c.get(5));
      Output<?>[] grads =
          g.addGradients(
              sumOfSquares(tf, logits).asOutput(),
              c.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
      Session.Runner runner = s.runner().fetch(logits);
      for (Output<?> grad : grads) {
        runner.fetch(grad);
      }
      List<float[]> result = new ArrayList<>();
      try (Result r = runner.run()) {
        for (int i = 0; i <= grads.length; i++) {
          result.add(FloatTensors.values((TFloat32) r.get(i)));
        }
      }
      return result;
    }
  }

  private static Operand<TFloat32> sumOfSquares(Ops tf, Operand<TFloat32> x) {
    return tf.reduceSum(tf.math.square(x), tf.constant(new int[] {0, 1}));
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(scale > 0, what + " is all zeros");
    assertEquals(
        0, worst / scale, 1e-4, what + ": largest difference relative to the largest value");
  }
}
