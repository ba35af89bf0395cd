package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.BatchNormLayerSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation on TensorFlow's fused kernel ({@code FusedBatchNormV3}), per branch with the
 * matching slices of its per-channel variables, or on the joined branches where a branch's channel
 * count would put the kernel on its slow path ({@link #joinsBranches}). The training pass
 * normalises with the batch's statistics and hands them to {@link #updateOps}, which move the
 * moving mean and variance as part of the training step; the inference pass normalises with the
 * moving ones.
 */
final class BatchNormLowering {
  /** Floats in the narrowest vector oneDNN's kernels work in (AVX2's 256 bits). */
  static final int VECTOR_CHANNELS = 8;

  private BatchNormLowering() {}

  /** The batch statistics of one normalisation in the training pass, branch by branch. */
  record Update(
      Variable<TFloat32> movingMean,
      Variable<TFloat32> movingVariance,
      double momentum,
      List<Operand<TFloat32>> means,
      List<Operand<TFloat32>> variances) {}

  static Branches lower(
      LoweringContext context, BatchNormLayerSpec norm, Branches input, List<Update> updates) {
    Ops tf = context.tf().withSubScope(norm.name());
    int channels = context.inputShape().channels();
    Shape shape = Shape.of(channels);
    VariableRegistry registry = context.registry();
    Variable<TFloat32> gamma =
        registry.learnable(
            context.key(norm.name(), VariableKey.Role.GAMMA),
            shape,
            null,
            channels,
            channels,
            LearnableVariable.filled(channels, 1f),
            null);
    Variable<TFloat32> beta =
        registry.learnable(
            context.key(norm.name(), VariableKey.Role.BETA),
            shape,
            null,
            channels,
            channels,
            null,
            null);
    Variable<TFloat32> movingMean =
        registry.moving(context.key(norm.name(), VariableKey.Role.MOVING_MEAN), shape, 0f);
    Variable<TFloat32> movingVariance =
        registry.moving(context.key(norm.name(), VariableKey.Role.MOVING_VARIANCE), shape, 1f);
    boolean training = context.training();
    Operand<TFloat32> none = tf.constant(new float[0]);
    List<Branch> out = new ArrayList<>();
    List<Operand<TFloat32>> means = new ArrayList<>();
    List<Operand<TFloat32>> variances = new ArrayList<>();
    int first = 0;
    Branches parts = joinsBranches(input) ? new Branches(List.of(input.joined(tf))) : input;
    boolean whole = parts.parts().size() == 1;
    for (Branch part : parts.parts()) {
      int n = part.channels();
      FusedBatchNorm<TFloat32, TFloat32> normalized =
          FusedBatchNorm.create(
              tf.scope(),
              part.value(),
              slice(tf, gamma, first, n, whole),
              slice(tf, beta, first, n, whole),
              training ? none : slice(tf, movingMean, first, n, whole),
              training ? none : slice(tf, movingVariance, first, n, whole),
              FusedBatchNorm.epsilon((float) norm.epsilon()),
              FusedBatchNorm.isTraining(training));
      out.add(new Branch(Activations.apply(tf, normalized.y(), norm.activation()), n, true));
      means.add(normalized.batchMean());
      variances.add(normalized.batchVariance());
      first += n;
    }
    if (training) {
      updates.add(new Update(movingMean, movingVariance, norm.momentum(), means, variances));
    }
    return new Branches(out);
  }

  /**
   * Whether the branches are normalised as one tensor: when any has a channel count that is not a
   * multiple of {@link #VECTOR_CHANNELS}. oneDNN's fused batch normalisation is several times
   * slower on such counts (a VOneNet bank of 5 kernels and 2 complex cells beside 9 learned
   * filters), far more than the concat costs; on whole vectors, branches stay apart
   * (bench/README.md, "Robustness").
   */
  static boolean joinsBranches(Branches input) {
    return input.parts().size() > 1
        && input.parts().stream().anyMatch(p -> p.channels() % VECTOR_CHANNELS != 0);
  }

  private static Operand<TFloat32> slice(
      Ops tf, Operand<TFloat32> vector, int first, int count, boolean whole) {
    return whole
        ? vector
        : tf.slice(vector, tf.constant(new int[] {first}), tf.constant(new int[] {count}));
  }

  /**
   * The ops that move every moving statistic toward its batch value: {@code moving -= (1 -
   * momentum) * (moving - batch)}, as Keras does, with the batch values passed through {@code
   * exchange} first (averaged over the workers of a cluster, as Keras' multi-worker strategies
   * average the moving statistics).
   */
  static List<Op> updateOps(Ops tf, List<Update> updates, TensorExchange exchange) {
    List<Op> ops = new ArrayList<>();
    for (Update u : updates) {
      ops.add(move(tf, u.movingMean(), u.means(), u.momentum(), exchange));
      ops.add(move(tf, u.movingVariance(), u.variances(), u.momentum(), exchange));
    }
    return ops;
  }

  private static Op move(
      Ops tf,
      Variable<TFloat32> moving,
      List<Operand<TFloat32>> parts,
      double momentum,
      TensorExchange exchange) {
    Operand<TFloat32> local = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
    Operand<TFloat32> batch = exchange.exchange(tf, List.of(local)).get(0);
    Operand<TFloat32> step =
        tf.math.mul(tf.math.sub(moving, batch), tf.constant((float) (1 - momentum)));
    return tf.assignSub(moving, step);
  }
}
