package io.gaborflow.core.model;

/**
 * An operation over every kind of filter bank; a new kind of {@link BankSpec} adds a method here,
 * and the compiler names every place that has to handle it.
 *
 * @param <R> what the operation gives for one bank
 */
public interface BankVisitor<R> {
  /** Gabor filters: fixed, trained for a window of epochs, or parametric. */
  R gabor(FixedGaborBankSpec gabor);

  /** Fixed filters from a supplier, an {@code .npy} resource or an earlier model. */
  R tensor(FixedTensorBankSpec tensor);

  /** Filters learned from their initial values. */
  R learnable(LearnableBankSpec learnable);

  /** Learned mixtures of a fixed Gabor basis applied to every input channel. */
  R basis(GaborBasisBankSpec basis);
}
