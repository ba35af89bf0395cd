package io.gaborflow.core.model;

import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;

/**
 * A bank of Gabor filters that stays fixed during training, except for {@code trainableEpochs}
 * epochs at the {@code trainableAt} end of the run.
 */
public record FixedGaborBankSpec(
    String name, GaborBankSpec gabor, int trainableEpochs, TrainableAt trainableAt)
    implements BankSpec {

  /** A bank fixed for the whole run. */
  public FixedGaborBankSpec(String name, GaborBankSpec gabor) {
    this(name, gabor, 0, TrainableAt.START);
  }

  @Override
  public int filters() {
    return gabor.filterCount();
  }
}
