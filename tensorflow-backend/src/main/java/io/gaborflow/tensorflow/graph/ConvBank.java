package io.gaborflow.tensorflow.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * One convolution bank as the graph holds it: its path ({@code layer1/conv1}), how it trains, and
 * the tensor its kernel is in.
 */
public record ConvBank(String path, Kind kind, Operand<TFloat32> kernel) {
  /** How the bank's kernel changes during a run. */
  public enum Kind {
    /** Constant for the whole run. */
    FIXED("fixed"),
    /** Trained in some epochs, constant in the others. */
    PARTIALLY_TRAINED("partially-trained"),
    /** Trained every epoch. */
    LEARNED("learned"),
    /** Gabor kernels of parameters that learn. */
    PARAMETRIC("parametric-gabor");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The word reports and exports use. */
    public String label() {
      return label;
    }
  }
}
