package io.gaborflow.examples;

import io.gaborflow.tensorflow.graph.FloatTensors;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What the comparisons with hand-built graphs fetch: logits, and the loss's gradient for each
 * weight.
 */
final class LogitsAndGradients {
  private LogitsAndGradients() {}

  /**
   * The mean softmax cross-entropy of {@code logits} against {@code labels} of {@code classes}
   * classes.
   */
  static Operand<TFloat32> loss(Ops tf, Operand<TFloat32> logits, int[] labels, int classes) {
    Operand<TFloat32> oneHot =
        tf.oneHot(tf.constant(labels), tf.constant(classes), tf.constant(1f), tf.constant(0f));
    return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
  }

  /**
   * The logits, then the gradient of the loss for each of {@code weights}, in order, then each of
   * the {@code alsoFetched} tensors, all from one run of {@code runner} (which has the graph's
   * inputs fed).
   */
  static List<float[]> fetch(
      Graph graph,
      Session.Runner runner,
      Operand<TFloat32> logits,
      Operand<TFloat32> loss,
      List<Output<?>> weights,
      List<String> alsoFetched) {
    Output<?>[] grads = graph.addGradients(loss.asOutput(), weights.toArray(Output<?>[]::new));
    runner.fetch(logits);
    for (Output<?> grad : grads) {
      runner.fetch(grad);
    }
    alsoFetched.forEach(runner::fetch);
    List<float[]> out = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < 1 + grads.length + alsoFetched.size(); i++) {
        out.add(FloatTensors.values((TFloat32) r.get(i)));
      }
    }
    return out;
  }
}
