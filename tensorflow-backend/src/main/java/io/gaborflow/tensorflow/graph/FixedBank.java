package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.model.TrainingWindow;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A fixed bank as it stands in the graph: Gabor filters, or filters from a {@link TensorSource}.
 *
 * @param kernel what the convolution reads: a constant for a fixed bank, a variable for a
 *     partially trained one
 * @param values the values {@code kernel} starts with, laid out as the graph holds them: {@code
 *     [k, k, 1, n]} for a {@link ChannelCoverage#SHARED} Gabor bank (applied to the channel mean),
 *     {@code [k, k, Cin, n]} otherwise
 * @param gabor the Gabor kernels, or {@code null} for a bank from a source
 * @param inChannels input channels of the layer
 * @param window the epochs in which it trains, or {@code null} when it never does (or, for a
 *     parametric bank, when its parameters train the whole run)
 * @param learned the Gabor parameters it learns: none for a bank of fixed or trained values; for a
 *     parametric bank, {@code kernel} is computed from them
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
    Set<GaborParameter> learned) {

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
