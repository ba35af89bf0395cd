package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Initializer;

/** A bank of trained filters (with a bias each, unless its layer has none). */
public record LearnableBankSpec(String name, int filters, Initializer initializer)
    implements BankSpec {
  @Override
  public <R> R accept(BankVisitor<R> visitor) {
    return visitor.learnable(this);
  }

  @Override
  public LearnableBankSpec withFilters(int count) {
    return new LearnableBankSpec(name, count, initializer);
  }
}
