package io.gaborflow.core.model;

import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A bank of Gabor filters that stays fixed during training, except for {@code trainableEpochs}
 * epochs at the {@code trainableAt} end of the run; or, when {@code learned} names parameters, a
 * parametric bank whose kernels stay Gabor kernels of per-filter parameters, those named learning
 * (in the window's epochs when there is one, else the whole run).
 *
 * <p>With {@code complexCells}, the bank's outputs are its kernels' responses (the simple cells)
 * followed by one energy map per {@linkplain GaborBankSpec#quadraturePairs() quadrature pair}; with
 * {@code noise}, noise is added to all of them.
 */
public record FixedGaborBankSpec(
    String name,
    GaborBankSpec gabor,
    int trainableEpochs,
    TrainableAt trainableAt,
    Set<GaborParameter> learned,
    boolean complexCells,
    BankNoise noise)
    implements BankSpec {
  @Override
  public <R> R accept(BankVisitor<R> visitor) {
    return visitor.gabor(this);
  }

  /** Copies the learned parameters. */
  public FixedGaborBankSpec {
    learned = learned.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(learned));
    Objects.requireNonNull(noise, "noise (BankNoise.NONE for none)");
  }

  /** A bank of simple cells without noise, trained as the window and parameters say. */
  public FixedGaborBankSpec(
      String name,
      GaborBankSpec gabor,
      int trainableEpochs,
      TrainableAt trainableAt,
      Set<GaborParameter> learned) {
    this(name, gabor, trainableEpochs, trainableAt, learned, false, BankNoise.NONE);
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
    return new FixedGaborBankSpec(
        name, gabor, trainableEpochs, trainableAt, parameters, complexCells, noise);
  }

  /** The same bank with complex cells beside its simple cells. */
  public FixedGaborBankSpec withComplexCells() {
    return new FixedGaborBankSpec(name, gabor, trainableEpochs, trainableAt, learned, true, noise);
  }

  /** The same bank with {@code noise} after it. */
  public FixedGaborBankSpec withNoise(BankNoise noise) {
    return new FixedGaborBankSpec(
        name, gabor, trainableEpochs, trainableAt, learned, complexCells, noise);
  }

  /** The complex cells' quadrature pairs: none without complex cells. */
  public List<GaborBankSpec.QuadraturePair> complexPairs() {
    return complexCells ? gabor.quadraturePairs() : List.of();
  }

  /** Whether stages follow the kernels' responses: complex cells or noise. */
  public boolean hasStagesAfterKernels() {
    return complexCells || noise.present();
  }

  /** Output channels: one per kernel, and one per complex cell. */
  @Override
  public int filters() {
    return gabor.filterCount() + complexPairs().size();
  }

  /** The bank's kernels, its simple cells. */
  public int kernels() {
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
    return new FixedGaborBankSpec(name, gabor, epochs, at, learned, complexCells, noise);
  }

  /**
   * The same bank with {@code count} output channels: as many kernels or, with complex cells, the
   * number of kernels that with the complex cells of their pairs make {@code count}.
   *
   * @throws IllegalArgumentException when no number of kernels gives {@code count} outputs
   */
  @Override
  public FixedGaborBankSpec withFilters(int count) {
    FixedGaborBankSpec bank = fittedTo(count);
    if (bank.filters() != count) {
      throw new IllegalArgumentException(
          "bank "
              + name
              + ": no number of Gabor kernels gives "
              + count
              + " outputs with their complex cells; choose another count");
    }
    return bank;
  }

  /**
   * The same bank with as many kernels as fit, with their complex cells, in {@code outputs}
   * channels (outputs grow with the kernels, so the first count from {@code outputs} down fits).
   */
  public FixedGaborBankSpec fittedTo(int outputs) {
    for (int kernels = outputs; kernels > 1; kernels--) {
      FixedGaborBankSpec bank = withKernels(kernels);
      if (bank.filters() <= outputs) {
        return bank;
      }
    }
    return withKernels(1);
  }

  private FixedGaborBankSpec withKernels(int kernels) {
    return new FixedGaborBankSpec(
        name,
        gabor.withFilterCount(kernels),
        trainableEpochs,
        trainableAt,
        learned,
        complexCells,
        noise);
  }
}
