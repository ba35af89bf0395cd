package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The generated gabor-lenet computes the same function as the network written by hand the way
 * the Keras answer writes it: the fixed bank as an ordinary frozen convolution over all input
 * channels (not the channel-mean shortcut gaborflow uses), concatenated with the learned one.
 */
class GeneratedGraphMatchesHandBuiltTest {
  private static final int BATCH = 50;

  @Test
  void sameLogitsOnOneBatch() {
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
    TrainingConfig config = TrainingConfig.builder().seed(5).threads(2).build();
    try (TrainingSession session = TrainingSession.create(new GaborLeNetGraph(), config)) {
      session.initialize(config.seed());
      for (LearnableVariable v : session.network().learnables()) {
        weights.put(v.name(), session.valueOf(v.variable()));
      }
      generated = session.logits(images, BATCH);
    }
    float[] handBuilt = handBuiltLogits(weights, images);
    assertEquals(BATCH * 10, generated.length);
    double worst = 0;
    for (int i = 0; i < generated.length; i++) {
      worst = Math.max(worst, Math.abs(generated[i] - handBuilt[i]) / (1 + Math.abs(handBuilt[i])));
    }
    assertEquals(0, worst, 1e-4, "largest relative difference in the logits");
  }

  private static float[] handBuiltLogits(Map<String, float[]> w, float[] images) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = constant(tf, images, Shape.of(BATCH, 28, 28, 1));
      GaborBankSpec bank1 = GaborBankSpec.builder().orientations(5).wavelengths(4).phases(0, 90).sigma(2).build();
      GaborBankSpec bank2 = GaborBankSpec.builder().orientations(25).wavelengths(4).phases(0).sigma(2).build();
      x = mixedConv(tf, x, 1, bank1, w.get("layer1/conv1/kernel"), w.get("layer1/conv1/bias"), 10);
      x = pool(tf, x);
      x = mixedConv(tf, x, 20, bank2, w.get("layer3/conv2/kernel"), w.get("layer3/conv2/bias"), 25);
      x = pool(tf, x);
      x = tf.reshape(x, tf.constant(new long[] {BATCH, 800}));
      x = tf.nn.relu(dense(tf, x, w.get("layer5/fc1/kernel"), w.get("layer5/fc1/bias"), 800, 500));
      x = dense(tf, x, w.get("layer6/logits/kernel"), w.get("layer6/logits/bias"), 500, 10);
      try (Result r = s.runner().fetch(x).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] out = new float[BATCH * 10];
        t.asRawTensor().data().asFloats().read(out);
        return out;
      }
    }
  }

  private static Operand<TFloat32> mixedConv(Ops tf, Operand<TFloat32> x, int cin, GaborBankSpec spec,
      float[] kernel, float[] bias, int learned) {
    FilterBank bank = FilterBank.of(spec, 5);
    Operand<TFloat32> frozen = constant(tf, bank.toHwio(cin, ChannelCoverage.SHARED), Shape.of(5, 5, cin, bank.filterCount()));
    List<Long> strides = List.of(1L, 1L, 1L, 1L);
    Operand<TFloat32> fixedOut = tf.nn.conv2d(x, frozen, strides, "VALID");
    Operand<TFloat32> learnedOut = tf.nn.biasAdd(
        tf.nn.conv2d(x, constant(tf, kernel, Shape.of(5, 5, cin, learned)), strides, "VALID"),
        constant(tf, bias, Shape.of(learned)));
    return tf.nn.relu(tf.concat(List.of(fixedOut, learnedOut), tf.constant(3)));
  }

  private static Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x) {
    return tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
  }

  private static Operand<TFloat32> dense(Ops tf, Operand<TFloat32> x, float[] kernel, float[] bias, int in, int out) {
    return tf.nn.biasAdd(tf.linalg.matMul(x, constant(tf, kernel, Shape.of(in, out))), constant(tf, bias, Shape.of(out)));
  }

  private static Operand<TFloat32> constant(Ops tf, float[] values, Shape shape) {
    return tf.constant(shape, DataBuffers.of(values, true, false));
  }
}
