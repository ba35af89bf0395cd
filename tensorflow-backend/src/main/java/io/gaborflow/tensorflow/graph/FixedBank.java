package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborParameters;
import io.gaborflow.core.model.TrainingWindow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A fixed bank as it stands in the graph: Gabor filters, or filters from a {@link TensorSource}.
 *
 * @param kernel what the convolution reads: a constant for a fixed bank, a variable for a partially
 *     trained one
 * @param values the values {@code kernel} starts with, laid out as the graph holds them: {@code [k,
 *     k, 1, n]} for a {@link ChannelCoverage#SHARED} Gabor bank (applied to the channel mean),
 *     {@code [k, k, Cin, n]} otherwise
 * @param gabor the Gabor kernels, or {@code null} for a bank from a source
 * @param inChannels input channels of the layer
 * @param window the epochs in which it trains, or {@code null} when it never does (or, for a
 *     parametric bank, when its parameters train the whole run)
 * @param normalization what was done to each Gabor kernel after computing it
 * @param parameterVariables the variable of each Gabor parameter the bank learns: none for a bank
 *     of fixed or trained values; for a parametric bank, {@code kernel} is computed from them
 */
public record FixedBank(
    String name,
    Operand<TFloat32> kernel,
    float[] values,
    FilterBank gabor,
    ChannelCoverage coverage,
    int inChannels,
    int size,
    int filterCount,
    TrainingWindow window,
    Normalization normalization,
    Map<GaborParameter, Variable<TFloat32>> parameterVariables) {

  /** Copies the map. */
  public FixedBank {
    parameterVariables = Map.copyOf(parameterVariables);
  }

  /** The Gabor parameters the bank learns: none unless it is parametric. */
  public Set<GaborParameter> learned() {
    return parameterVariables.keySet();
  }

  /**
   * Each Gabor filter's parameters now: the declared ones, with those the bank learns read through
   * {@code read} (a variable's current value). A bank from a filter source has none.
   */
  public List<GaborParameters> currentParameters(Function<Operand<TFloat32>, float[]> read) {
    if (gabor == null) {
      throw new IllegalStateException(
          name + " takes its filters from a source and has no Gabor parameters");
    }
    return ParametricGaborKernel.current(gabor.parameters(), parameterVariables, read);
  }

  /** The values of {@link #kernel()} before any training. */
  public float[] kernelValues() {
    return values.clone();
  }

  /** The {@code [k, k, Cin, n]} shape of the ordinary kernel the bank equals. */
  public Shape equivalentShape() {
    return Shape.of(size, size, inChannels, filterCount);
  }

  /** Weights of the equivalent kernel; what a hand-wired frozen conv layer would hold. */
  public long weights() {
    return equivalentShape().size();
  }
}
