package io.gaborflow.core.model;

import io.gaborflow.core.gabor.GaborBankSpec;

/** A bank of Gabor filters that stays fixed during training. */
public record FixedGaborBankSpec(String name, GaborBankSpec gabor) implements BankSpec {
  @Override
  public int filters() {
    return gabor.filterCount();
  }
}
