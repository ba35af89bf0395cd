package io.gaborflow.core.model;

/**
 * One filter bank of a convolution layer: fixed (Gabor or given values), learnable, or learned
 * mixtures of a fixed Gabor basis.
 */
public sealed interface BankSpec
    permits FixedGaborBankSpec, FixedTensorBankSpec, LearnableBankSpec, GaborBasisBankSpec {
  /** The declaring field's name; also the bank's name in the graph. */
  String name();

  /** Number of filters, that is output channels contributed by this bank. */
  int filters();

  /**
   * The same bank with {@code count} filters (a Gabor bank with as few orientations as give them).
   *
   * @throws IllegalArgumentException for a bank whose filters come from a source, unless the count
   *     is its own
   */
  BankSpec withFilters(int count);

  /** What {@code visitor} gives for this bank, by its kind. */
  <R> R accept(BankVisitor<R> visitor);
}
