package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.Seeds;
import io.gaborflow.core.gabor.GaborBankSpec.QuadraturePair;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.FixedGaborBankSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * What follows a Gabor bank's kernels, after VOneNet (Dapello et al. 2020): complex cells, then
 * noise. Both are part of the bank, so they run in training and at test, and an export keeps them.
 */
final class GaborStages {
  /**
   * Added under the square root of a complex cell: its gradient at a zero response is then zero
   * rather than undefined, and its value differs from the exact energy by at most 1e-6.
   */
  private static final float ENERGY_FLOOR = 1e-12f;

  private GaborStages() {}

  /** {@code responses} (the bank's kernels' outputs, NHWC) with the bank's stages applied. */
  static Operand<TFloat32> apply(
      LoweringContext context, Ops tf, Operand<TFloat32> responses, FixedGaborBankSpec bank) {
    Operand<TFloat32> out = responses;
    List<QuadraturePair> pairs = bank.complexPairs();
    if (!pairs.isEmpty()) {
      out = tf.concat(List.of(out, complexCells(tf, out, pairs, bank.kernels())), tf.constant(3));
    }
    if (bank.noise().present()) {
      out = noisy(context, tf, out, bank);
    }
    return out;
  }

  /**
   * One map per pair: {@code sqrt(a² + b²)} of the pair's two responses, picked out by constant
   * selection matrices (a matrix product, whose gradient TensorFlow has).
   */
  private static Operand<TFloat32> complexCells(
      Ops tf, Operand<TFloat32> responses, List<QuadraturePair> pairs, int kernels) {
    float[] even = new float[kernels * pairs.size()];
    float[] odd = new float[kernels * pairs.size()];
    for (int p = 0; p < pairs.size(); p++) {
      even[pairs.get(p).even() * pairs.size() + p] = 1;
      odd[pairs.get(p).odd() * pairs.size() + p] = 1;
    }
    Shape selection = Shape.of(kernels, pairs.size());
    Operand<TFloat32> flat = tf.reshape(responses, tf.constant(new long[] {-1, kernels}));
    Operand<TFloat32> a =
        tf.linalg.matMul(flat, tf.constant(selection, DataBuffers.of(even, true, false)));
    Operand<TFloat32> b =
        tf.linalg.matMul(flat, tf.constant(selection, DataBuffers.of(odd, true, false)));
    Operand<TFloat32> energy =
        tf.withName("complex_cells")
            .math
            .sqrt(
                tf.math.add(
                    tf.math.add(tf.math.square(a), tf.math.square(b)), tf.constant(ENERGY_FLOOR)));
    Operand<TInt32> mapShape =
        tf.concat(
            List.of(
                tf.slice(
                    tf.shape(responses), tf.constant(new int[] {0}), tf.constant(new int[] {3})),
                tf.constant(new int[] {pairs.size()})),
            tf.constant(0));
    return tf.reshape(energy, mapShape);
  }

  /**
   * {@code x} plus noise: drawn statelessly from the seed, the node and the fed global step in
   * training (a resumed run draws the same), from a seeded stateful stream at test (every call a
   * new draw). The noise's scale is held out of the gradient: its mean is zero, so the expected
   * gradient has no share through it, and a Poisson-like scale would have none at zero.
   */
  private static Operand<TFloat32> noisy(
      LoweringContext context, Ops tf, Operand<TFloat32> x, FixedGaborBankSpec bank) {
    long seed = Seeds.bankNoise(context.seed(), context.number(), bank.name());
    Operand<TFloat32> normal;
    if (context.training()) {
      Operand<TInt64> streamSeed =
          tf.concat(
              List.of(
                  tf.constant(new long[] {seed}),
                  tf.reshape(context.step(), tf.constant(new long[] {1}))),
              tf.constant(0));
      normal = tf.random.statelessRandomNormal(tf.shape(x), streamSeed, TFloat32.class);
    } else {
      normal =
          tf.random.randomStandardNormal(
              tf.shape(x),
              TFloat32.class,
              RandomStandardNormal.seed(seed),
              RandomStandardNormal.seed2(seed >>> 1));
    }
    BankNoise noise = bank.noise();
    Operand<TFloat32> scale =
        switch (noise.kind()) {
          case GAUSSIAN -> tf.constant((float) noise.scale());
          case POISSON ->
              tf.stopGradient(
                  tf.math.mul(tf.constant((float) noise.scale()), tf.math.sqrt(tf.math.abs(x))));
          case NONE -> throw new IllegalArgumentException("no noise to add");
        };
    // The draw is held out of the gradient too: TensorFlow has no gradient for the random op, which
    // reads x's shape.
    return tf.withName("noisy").math.add(x, tf.math.mul(scale, tf.stopGradient(normal)));
  }
}
