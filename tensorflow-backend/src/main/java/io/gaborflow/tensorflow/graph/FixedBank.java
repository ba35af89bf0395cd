package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A Gabor bank as it stands in the graph.
 *
 * @param kernel what the convolution reads: {@code [k, k, 1, n]} for a {@link
 *     ChannelCoverage#SHARED} bank (applied to the channel mean), {@code [k, k, Cin, n]} otherwise;
 *     a constant for a fixed bank, a variable for a partially trained one
 * @param filters the bank's Gabor kernels (its values before any training)
 * @param inChannels input channels of the layer
 * @param window the epochs in which it trains, or {@code null} when it never does
 */
public record FixedBank(
    String name,
    Operand<TFloat32> kernel,
    FilterBank filters,
    ChannelCoverage coverage,
    int inChannels,
    TrainingWindow window) {

  /** The ordinary HWIO convolution kernel this bank is equivalent to, at its Gabor values. */
  public float[] equivalentKernel() {
    return filters.toHwio(inChannels, coverage);
  }

  /** The Gabor values of {@link #kernel()}, laid out as the graph holds them. */
  public float[] kernelValues() {
    return filters.toHwio(coverage == ChannelCoverage.SHARED ? 1 : inChannels, coverage);
  }

  public Shape equivalentShape() {
    return Shape.of(filters.size(), filters.size(), inChannels, filters.filterCount());
  }

  /** Weights of the equivalent kernel; what a hand-wired frozen conv layer would hold. */
  public long size() {
    return equivalentShape().size();
  }
}
