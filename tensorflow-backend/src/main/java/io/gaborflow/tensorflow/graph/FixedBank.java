package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.gabor.FilterBank;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat32;

/**
 * A fixed Gabor bank as it stands in the graph.
 *
 * @param constant the kernel constant the convolution reads: {@code [k, k, 1, n]} for a {@link
 *     ChannelCoverage#SHARED} bank (applied to the channel mean), {@code [k, k, Cin, n]} otherwise
 * @param filters the bank's 2-D kernels
 * @param inChannels input channels of the layer
 */
public record FixedBank(
    String name,
    Constant<TFloat32> constant,
    FilterBank filters,
    ChannelCoverage coverage,
    int inChannels) {

  /** The ordinary HWIO convolution kernel this bank is equivalent to. */
  public float[] equivalentKernel() {
    return filters.toHwio(inChannels, coverage);
  }

  public Shape equivalentShape() {
    return Shape.of(filters.size(), filters.size(), inChannels, filters.filterCount());
  }

  /** Weights of the equivalent kernel; what a hand-wired frozen conv layer would hold. */
  public long size() {
    return equivalentShape().size();
  }
}
