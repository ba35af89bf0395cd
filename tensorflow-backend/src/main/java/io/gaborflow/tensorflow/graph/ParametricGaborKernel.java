package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborParameters;
import io.gaborflow.core.model.FixedGaborBankSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The kernel of a parametric Gabor bank, computed in the graph from one value of each Gabor
 * parameter per filter: exactly {@code GaborKernel} (OpenCV's {@code getGaborKernel}) of the
 * current parameters, then the declared normalisation and channel coverage, so gradients reach the
 * parameters through ordinary ops.
 *
 * <p>θ and ψ are variables in radians. σ, λ and γ must stay positive; each is held as its natural
 * logarithm and used as {@code exp} of it. A log rather than a softplus: the parameter's gradient
 * never vanishes near zero, a step changes the value by a ratio (the same for σ = 1 and σ = 10),
 * and {@code 1/σ²}, {@code 1/λ} and {@code γ²} become exponentials, so no division enters the
 * graph. Parameters not learned are constants of the declared values.
 */
final class ParametricGaborKernel {
  private ParametricGaborKernel() {}

  /**
   * The role of each parameter's variable: the value itself, or its logarithm for the positive
   * ones.
   */
  private static final Map<GaborParameter, VariableKey.Role> ROLES =
      new EnumMap<>(
          Map.of(
              GaborParameter.THETA, VariableKey.Role.THETA,
              GaborParameter.LAMBDA, VariableKey.Role.LOG_LAMBDA,
              GaborParameter.PSI, VariableKey.Role.PSI,
              GaborParameter.SIGMA, VariableKey.Role.LOG_SIGMA,
              GaborParameter.GAMMA, VariableKey.Role.LOG_GAMMA));

  /** The kernel, and the variable of each learned parameter (as {@link #stored} holds it). */
  record Built(Operand<TFloat32> kernel, Map<GaborParameter, Variable<TFloat32>> variables) {}

  /**
   * The {@code [k, k, kernelChannels, n]} kernel of {@code bank}, laid out as {@link
   * FilterBank#toHwio} lays out the fixed one; its parameters are learnable variables (or
   * constants) registered in {@code context}.
   */
  static Built build(
      LoweringContext context,
      Ops tf,
      FixedGaborBankSpec bank,
      FilterBank filters,
      int kernelChannels) {
    List<GaborParameters> declared = filters.parameters();
    int n = declared.size();
    int size = filters.size();
    Map<GaborParameter, Operand<TFloat32>> p = new EnumMap<>(GaborParameter.class);
    Map<GaborParameter, Variable<TFloat32>> variables = new EnumMap<>(GaborParameter.class);
    for (GaborParameter parameter : GaborParameter.values()) {
      float[] start = new float[n];
      for (int f = 0; f < n; f++) {
        start[f] = (float) stored(parameter, declared.get(f));
      }
      if (bank.learned().contains(parameter)) {
        Variable<TFloat32> variable =
            context
                .registry()
                .learnable(
                    context.key(bank.name(), ROLES.get(parameter)),
                    Shape.of(n),
                    null,
                    0,
                    0,
                    start,
                    bank.window());
        variables.put(parameter, variable);
        p.put(parameter, variable);
      } else {
        p.put(parameter, tf.constant(start));
      }
    }
    // Each kernel position's offset from the centre, in the order GaborKernel stores the values:
    // the value for offset (x, y) is at row half - y, column half - x.
    int half = size / 2;
    float[] xs = new float[size * size];
    float[] ys = new float[size * size];
    for (int row = 0; row < size; row++) {
      for (int column = 0; column < size; column++) {
        xs[row * size + column] = half - column;
        ys[row * size + column] = half - row;
      }
    }
    Shape column = Shape.of(size * size, 1);
    Operand<TFloat32> x = tf.constant(column, DataBuffers.of(xs, true, false));
    Operand<TFloat32> y = tf.constant(column, DataBuffers.of(ys, true, false));
    Operand<TFloat32> cos = tf.math.cos(p.get(GaborParameter.THETA));
    Operand<TFloat32> sin = tf.math.sin(p.get(GaborParameter.THETA));
    // [k*k, n]: one column per filter.
    Operand<TFloat32> xr = tf.math.add(tf.math.mul(x, cos), tf.math.mul(y, sin));
    Operand<TFloat32> yr = tf.math.sub(tf.math.mul(y, cos), tf.math.mul(x, sin));
    // 1 / (2 σ²) and γ², from the logarithms.
    Operand<TFloat32> halfInverseVariance =
        tf.math.mul(
            tf.constant(0.5f),
            tf.math.exp(tf.math.mul(tf.constant(-2f), p.get(GaborParameter.SIGMA))));
    Operand<TFloat32> gammaSquared =
        tf.math.exp(tf.math.mul(tf.constant(2f), p.get(GaborParameter.GAMMA)));
    Operand<TFloat32> envelope =
        tf.math.exp(
            tf.math.neg(
                tf.math.mul(
                    halfInverseVariance,
                    tf.math.add(
                        tf.math.square(xr), tf.math.mul(gammaSquared, tf.math.square(yr))))));
    Operand<TFloat32> waveNumber =
        tf.math.mul(
            tf.constant((float) (2 * Math.PI)),
            tf.math.exp(tf.math.neg(p.get(GaborParameter.LAMBDA))));
    Operand<TFloat32> wave =
        tf.math.cos(tf.math.add(tf.math.mul(waveNumber, xr), p.get(GaborParameter.PSI)));
    Operand<TFloat32> kernel = tf.math.mul(envelope, wave);
    if (bank.gabor().normalization() == Normalization.ZERO_MEAN_UNIT_NORM) {
      Operand<TInt32> axis = tf.constant(new int[] {0});
      kernel = tf.math.sub(kernel, tf.math.mean(kernel, axis, Mean.keepDims(true)));
      Operand<TFloat32> squares =
          tf.reduceSum(tf.math.square(kernel), axis, ReduceSum.keepDims(true));
      kernel = tf.math.mul(kernel, tf.math.rsqrt(squares));
    }
    kernel = tf.reshape(kernel, tf.constant(new long[] {size, size, 1, n}));
    ChannelCoverage coverage = bank.gabor().coverage();
    if (kernelChannels > 1) {
      float[] mask = new float[kernelChannels * n];
      for (int f = 0; f < n; f++) {
        if (coverage == ChannelCoverage.SHARED) {
          for (int c = 0; c < kernelChannels; c++) {
            mask[c * n + f] = 1f / kernelChannels;
          }
        } else {
          mask[FilterBank.singleChannelOf(f, kernelChannels) * n + f] = 1f;
        }
      }
      kernel =
          tf.math.mul(
              kernel,
              tf.constant(Shape.of(1, 1, kernelChannels, n), DataBuffers.of(mask, true, false)));
    }
    return new Built(tf.withName("kernel").identity(kernel), variables);
  }

  /**
   * Each filter's parameters as they are now: the declared ones, with the learned ones replaced by
   * their variables' values ({@code read} gives a variable's value).
   */
  static List<GaborParameters> current(
      List<GaborParameters> declared,
      Map<GaborParameter, Variable<TFloat32>> variables,
      Function<Operand<TFloat32>, float[]> read) {
    Map<GaborParameter, float[]> learned = new EnumMap<>(GaborParameter.class);
    variables.forEach((parameter, variable) -> learned.put(parameter, read.apply(variable)));
    List<GaborParameters> current = new ArrayList<>();
    for (int f = 0; f < declared.size(); f++) {
      GaborParameters p = declared.get(f);
      for (Map.Entry<GaborParameter, float[]> e : learned.entrySet()) {
        p = p.with(e.getKey(), value(e.getKey(), e.getValue()[f]));
      }
      current.add(p);
    }
    return current;
  }

  /** How {@code parameter} of {@code filter} is held in the graph: radians, or the logarithm. */
  static double stored(GaborParameter parameter, GaborParameters filter) {
    return switch (parameter) {
      case THETA -> Math.toRadians(filter.thetaDegrees());
      case PSI -> Math.toRadians(filter.psiDegrees());
      case LAMBDA -> Math.log(filter.lambda());
      case SIGMA -> Math.log(filter.sigma());
      case GAMMA -> Math.log(filter.gamma());
    };
  }

  /** The value of {@code parameter} from how the graph holds it (see {@link #stored}). */
  static double value(GaborParameter parameter, double stored) {
    return switch (parameter) {
      case THETA, PSI -> Math.toDegrees(stored);
      case LAMBDA, SIGMA, GAMMA -> Math.exp(stored);
    };
  }
}
