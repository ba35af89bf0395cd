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
    FIXED("fixed"),
    PARTIALLY_TRAINED("partially-trained"),
    LEARNED("learned");

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
