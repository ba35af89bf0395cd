package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.model.TrainingWindow;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A trained tensor (a kernel, a bias, a normalisation's scale or offset) with what is needed to
 * give it its first value and to know when it trains.
 *
 * @param initializer how the weights start; {@code null} for constant start values
 * @param startValues the exact first values (a Gabor bank's kernel, ones for a scale), or {@code
 *     null} for zeros or the initializer
 * @param window the epochs in which it trains; {@code null}: every epoch
 */
public record LearnableVariable(
    VariableKey key,
    Variable<TFloat32> variable,
    Shape shape,
    Initializer initializer,
    long fanIn,
    long fanOut,
    float[] startValues,
    TrainingWindow window) {

  /** The variable's path: {@code layer3/conv2/kernel}. */
  public String name() {
    return key.path();
  }

  /** Values in the variable. */
  public long size() {
    return shape.size();
  }

  /** Whether it trains in {@code epoch} (from 1) of a run of {@code totalEpochs}. */
  public boolean trainsIn(int epoch, int totalEpochs) {
    return window == null || window.includes(epoch, totalEpochs);
  }

  /**
   * Whether weight decay applies: to the kernel of a learned bank or dense layer, always; to a
   * Gabor bank's trained values or parameters only when {@code gaborToo}; never to a bias or a
   * normalisation's scale or offset, whose size is not what overfits.
   */
  public boolean decays(boolean gaborToo) {
    if (trainedGaborValues()) {
      return gaborToo;
    }
    return switch (key.role()) {
      case KERNEL -> true;
      case THETA, PSI, LOG_LAMBDA, LOG_SIGMA, LOG_GAMMA -> gaborToo;
      case BIAS, GAMMA, BETA, MOVING_MEAN, MOVING_VARIANCE -> false;
    };
  }

  /**
   * Whether these are a Gabor bank's kernel values trained for some epochs: only Gabor banks have a
   * training window, and a parametric bank's variables are its parameters, not its kernel.
   */
  public boolean trainedGaborValues() {
    return key.role() == VariableKey.Role.KERNEL && window != null;
  }

  /** The starting values, drawn from {@code random} (so the same seed gives the same model). */
  public float[] initialValues(SplittableRandom random) {
    if (startValues != null) {
      return startValues.clone();
    }
    float[] values = new float[Math.toIntExact(shape.size())];
    if (initializer == null) {
      return values;
    }
    switch (initializer) {
      case GLOROT_UNIFORM -> fillUniform(values, Math.sqrt(6.0 / (fanIn + fanOut)), random);
      case HE_UNIFORM -> fillUniform(values, Math.sqrt(6.0 / fanIn), random);
      case HE_NORMAL -> {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (nextGaussian(random) * std);
        }
      }
    }
    return values;
  }

  /** {@code count} copies of {@code value}, as start values. */
  static float[] filled(long count, float value) {
    float[] values = new float[Math.toIntExact(count)];
    Arrays.fill(values, value);
    return values;
  }

  private static void fillUniform(float[] values, double limit, SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble(-limit, limit);
    }
  }

  private static double nextGaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
