package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.gabor.GaborBankSpec;

/**
 * A bank of learned filters over a fixed Gabor basis: each of the basis's kernels is applied to
 * every input channel on its own (a depthwise convolution of constants: no filter gradient, no
 * variable, no optimizer state), and a learned 1x1 convolution mixes the {@code Cin x
 * basisKernels()} responses into {@code filters} outputs (with a bias each, unless the layer has
 * none). Every filter of the bank is thereby a learned combination of Gabor kernels per input
 * channel, as in Jacobsen et al.'s structured receptive fields (2016) and Pérez et al.'s depthwise
 * Gabor convolutions (2020). The layer's stride and padding apply to the depthwise convolution.
 *
 * @param basis the Gabor kernels; their coverage plays no part
 */
public record GaborBasisBankSpec(
    String name, int filters, Initializer initializer, GaborBankSpec basis) implements BankSpec {
  @Override
  public <R> R accept(BankVisitor<R> visitor) {
    return visitor.basis(this);
  }

  /** The kernels of the basis, each applied to every input channel. */
  public int basisKernels() {
    return basis.filterCount();
  }

  /** The channels the mixing reads: every basis kernel on every one of {@code inChannels}. */
  public int mixedChannels(int inChannels) {
    return inChannels * basisKernels();
  }

  /** The same basis, mixed into {@code count} filters. */
  @Override
  public GaborBasisBankSpec withFilters(int count) {
    return new GaborBasisBankSpec(name, count, initializer, basis);
  }
}
