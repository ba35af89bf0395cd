package io.gaborflow.core.model;

import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A bank of Gabor filters that stays fixed during training, except for {@code trainableEpochs}
 * epochs at the {@code trainableAt} end of the run; or, when {@code learned} names parameters, a
 * parametric bank whose kernels stay Gabor kernels of per-filter parameters, those named learning
 * (in the window's epochs when there is one, else the whole run).
 */
public record FixedGaborBankSpec(
    String name,
    GaborBankSpec gabor,
    int trainableEpochs,
    TrainableAt trainableAt,
    Set<GaborParameter> learned)
    implements BankSpec {
  @Override
  public <R> R accept(BankVisitor<R> visitor) {
    return visitor.gabor(this);
  }

  /** Copies the learned parameters. */
  public FixedGaborBankSpec {
    learned = learned.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(learned));
  }

  /** A bank fixed for the whole run. */
  public FixedGaborBankSpec(String name, GaborBankSpec gabor) {
    this(name, gabor, 0, TrainableAt.START, Set.of());
  }

  /**
   * A bank whose values train for {@code trainableEpochs} at the {@code trainableAt} end of the
   * run.
   */
  public FixedGaborBankSpec(
      String name, GaborBankSpec gabor, int trainableEpochs, TrainableAt trainableAt) {
    this(name, gabor, trainableEpochs, trainableAt, Set.of());
  }

  /** Whether the bank learns Gabor parameters rather than kernel values. */
  public boolean parametric() {
    return !learned.isEmpty();
  }

  /** The same bank, learning {@code parameters} (none: not parametric). */
  public FixedGaborBankSpec learning(Set<GaborParameter> parameters) {
    return new FixedGaborBankSpec(name, gabor, trainableEpochs, trainableAt, parameters);
  }

  @Override
  public int filters() {
    return gabor.filterCount();
  }

  /** The epochs in which the bank trains, or {@code null} when it is fixed for the whole run. */
  public TrainingWindow window() {
    return trainableEpochs == 0 ? null : new TrainingWindow(trainableEpochs, trainableAt);
  }

  /**
   * The same bank, trained for {@code epochs} epochs (0: never) at the {@code at} end of the run.
   */
  public FixedGaborBankSpec trainableFor(int epochs, TrainableAt at) {
    return new FixedGaborBankSpec(name, gabor, epochs, at, learned);
  }

  @Override
  public FixedGaborBankSpec withFilters(int count) {
    return new FixedGaborBankSpec(
        name, gabor.withFilterCount(count), trainableEpochs, trainableAt, learned);
  }
}
