package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.gabor.GaborBankSpec;

/**
 * One bank of a convolution layer, as generated code declares it; {@link NetworkBuilder#conv}
 * turns it into ops once the layer's input is known.
 */
public sealed interface BankDeclaration {
  String name();

  /** Output channels this bank adds to its layer. */
  int filterCount();

  /** Filters that stay at their Gabor values for the whole run. */
  record FixedGabor(String name, GaborBankSpec spec) implements BankDeclaration {
    @Override
    public int filterCount() {
      return spec.filterCount();
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
