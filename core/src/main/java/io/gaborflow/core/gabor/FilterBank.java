package io.gaborflow.core.gabor;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Normalization;
import java.util.List;

/**
 * The computed kernels of a Gabor bank: one 2-D kernel per filter, and the ways to lay them out as
 * a convolution kernel in TensorFlow's HWIO order ([height, width, in channels, out channels]).
 */
public final class FilterBank {
  private final List<GaborParameters> parameters;
  private final double[][] kernels;
  private final int size;

  private FilterBank(List<GaborParameters> parameters, double[][] kernels, int size) {
    this.parameters = List.copyOf(parameters);
    this.kernels = kernels;
    this.size = size;
  }

  /** Computes every kernel of {@code spec} at {@code size x size} pixels. */
  public static FilterBank of(GaborBankSpec spec, int size) {
    return of(spec.filters(size), size, spec.normalization());
  }

  /**
   * The kernels of {@code filters}, each {@code size x size} pixels, normalised as {@code
   * normalization} says: for a parametric bank, the kernels of its current parameters.
   */
  public static FilterBank of(
      List<GaborParameters> filters, int size, Normalization normalization) {
    double[][] kernels = new double[filters.size()][];
    for (int i = 0; i < kernels.length; i++) {
      if (filters.get(i).size() != size) {
        throw new IllegalArgumentException(
            "filter " + i + " is " + filters.get(i).size() + " pixels, not " + size);
      }
      kernels[i] = normalize(GaborKernel.compute(filters.get(i)), normalization);
    }
    return new FilterBank(filters, kernels, size);
  }

  private static double[] normalize(double[] kernel, Normalization normalization) {
    if (normalization == Normalization.NONE) {
      return kernel;
    }
    double mean = 0;
    for (double v : kernel) {
      mean += v;
    }
    mean /= kernel.length;
    double squares = 0;
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] -= mean;
      squares += kernel[i] * kernel[i];
    }
    // A kernel that is flat after removing its mean (possible for tiny sizes) stays all zero
    // rather than becoming NaN.
    double norm = Math.sqrt(squares);
    if (norm > 0) {
      for (int i = 0; i < kernel.length; i++) {
        kernel[i] /= norm;
      }
    }
    return kernel;
  }

  /** Kernel height and width in pixels. */
  public int size() {
    return size;
  }

  /** Filters in the bank. */
  public int filterCount() {
    return kernels.length;
  }

  /** Each filter's parameters, in the bank's order. */
  public List<GaborParameters> parameters() {
    return parameters;
  }

  /** Filter {@code index} as {@code size * size} values, row by row. */
  public double[] kernel(int index) {
    return kernels[index].clone();
  }

  /**
   * The bank as one HWIO convolution kernel over {@code inChannels} input channels, laid out as
   * {@code coverage} says. This is the kernel the layer is equivalent to, whatever way the backend
   * computes it.
   */
  public float[] toHwio(int inChannels, ChannelCoverage coverage) {
    int n = filterCount();
    float[] hwio = new float[size * size * inChannels * n];
    for (int f = 0; f < n; f++) {
      for (int pixel = 0; pixel < size * size; pixel++) {
        double v = kernels[f][pixel];
        if (coverage == ChannelCoverage.SHARED) {
          for (int c = 0; c < inChannels; c++) {
            hwio[(pixel * inChannels + c) * n + f] = (float) (v / inChannels);
          }
        } else {
          int c = singleChannelOf(f, inChannels);
          hwio[(pixel * inChannels + c) * n + f] = (float) v;
        }
      }
    }
    return hwio;
  }

  /**
   * The bank as a depthwise kernel {@code [k, k, inChannels, n]}: every filter on every input
   * channel on its own, the layout of a depthwise convolution whose output channel {@code c * n +
   * f} is filter {@code f} on channel {@code c}.
   */
  public float[] toDepthwise(int inChannels) {
    int n = filterCount();
    float[] kernel = new float[size * size * inChannels * n];
    for (int f = 0; f < n; f++) {
      for (int pixel = 0; pixel < size * size; pixel++) {
        for (int c = 0; c < inChannels; c++) {
          kernel[(pixel * inChannels + c) * n + f] = (float) kernels[f][pixel];
        }
      }
    }
    return kernel;
  }

  /** The input channel that filter {@code filter} reads under {@link ChannelCoverage#SINGLE}. */
  public static int singleChannelOf(int filter, int inChannels) {
    return filter % inChannels;
  }
}
