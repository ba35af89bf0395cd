package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;

/**
 * One bank of a convolution layer, as generated code declares it; {@link NetworkBuilder#conv}
 * turns it into ops once the layer's input is known.
 */
public sealed interface BankDeclaration {
  String name();

  /** Output channels this bank adds to its layer. */
  int filterCount();

  /**
   * Gabor filters that stay at their values, or that train only within {@code window} (null:
   * fixed for the whole run).
   */
  record FixedGabor(String name, GaborBankSpec spec, TrainingWindow window) implements BankDeclaration {
    @Override
    public int filterCount() {
      return spec.filterCount();
    }

    /** The same bank, trained for {@code epochs} epochs at the {@code at} end of the run. */
    public FixedGabor trainableFor(int epochs, TrainableAt at) {
      return new FixedGabor(name, spec, epochs == 0 ? null : new TrainingWindow(epochs, at));
    }
  }

  /** Filters that stay at values from a {@link TensorSource}. */
  record FixedTensor(String name, TensorSource source) implements BankDeclaration {
    @Override
    public int filterCount() {
      return source.filters();
    }
  }

  /** Filters and biases that the optimizer trains. */
  record Learnable(String name, int filters, Initializer initializer) implements BankDeclaration {
    @Override
    public int filterCount() {
      return filters;
    }
  }
}
