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

  /** The epochs in which the bank trains, or {@code null} when it is fixed for the whole run. */
  public TrainingWindow window() {
    return trainableEpochs == 0 ? null : new TrainingWindow(trainableEpochs, trainableAt);
  }

  /** The same bank, trained for {@code epochs} epochs (0: never) at the {@code at} end of the run. */
  public FixedGaborBankSpec trainableFor(int epochs, TrainableAt at) {
    return new FixedGaborBankSpec(name, gabor, epochs, at);
  }

  @Override
  public FixedGaborBankSpec withFilters(int count) {
    return new FixedGaborBankSpec(name, gabor.withFilterCount(count), trainableEpochs, trainableAt);
  }
}
