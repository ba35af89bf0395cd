package io.gaborflow.core.model;

import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.TrainableAt;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A declared network with another share of fixed Gabor filters in its mixed convolution layers, or
 * with its Gabor banks trained for the first epochs: the paper's sweep, made from one declaration.
 */
public final class NetworkVariants {
  private NetworkVariants() {}

  /**
   * {@code spec} with {@code percent} % fixed filters in every layer that has both a fixed Gabor
   * bank and a learnable one: of the layer's T filters, {@code round(T * percent / 100)} Gabor
   * filters (the first fixed bank's wavelengths and phases, as few evenly spaced orientations as
   * needed, cut to the count) and a learnable bank with the rest. Other layers stay as declared.
   */
  public static NetworkSpec withFixedShare(NetworkSpec spec, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("fixed share must be between 0 and 100 %, got " + percent);
    }
    return spec.mapConvLayers(conv -> resplit(conv, percent))
        .withModelName(spec.modelName() + "-fixed" + percent);
  }

  /**
   * {@code spec} with every fixed Gabor bank trained for its first {@code epochs} epochs (0: as
   * declared).
   */
  public static NetworkSpec withGaborTraining(NetworkSpec spec, int epochs) {
    return withGaborTraining(spec, epochs, TrainableAt.START);
  }

  /**
   * {@code spec} with every fixed Gabor bank trained for {@code epochs} epochs (0: as declared) at
   * the {@code at} end of the run; the model name says which ({@code -partial1}, {@code -final1}).
   */
  public static NetworkSpec withGaborTraining(NetworkSpec spec, int epochs, TrainableAt at) {
    if (epochs < 0) {
      throw new IllegalArgumentException("Gabor training epochs must be 0 or more, got " + epochs);
    }
    if (epochs == 0) {
      return spec;
    }
    return spec.mapConvLayers(
            conv ->
                conv.withBanks(
                    conv.banks().stream()
                        .map(
                            b ->
                                b instanceof FixedGaborBankSpec fixed && fixed.window() == null
                                    ? fixed.trainableFor(epochs, at)
                                    : b)
                        .toList()))
        .withModelName(
            spec.modelName() + (at == TrainableAt.START ? "-partial" : "-final") + epochs);
  }

  /**
   * {@code spec} with every fixed Gabor bank made parametric: its kernels stay Gabor kernels and
   * all five parameters of each filter learn, for the whole run (GaborNet's way, beside the paper's
   * training of the kernel values).
   */
  public static NetworkSpec withParametricGabor(NetworkSpec spec) {
    return spec.mapConvLayers(
            conv ->
                conv.withBanks(
                    conv.banks().stream()
                        .map(
                            b ->
                                b instanceof FixedGaborBankSpec fixed && fixed.window() == null
                                    ? fixed.learning(EnumSet.allOf(GaborParameter.class))
                                    : b)
                        .toList()))
        .withModelName(spec.modelName() + "-parametric");
  }

  /**
   * {@code spec} with VOneNet's stages on the fixed Gabor bank of every mixed layer whose bank has
   * quadrature pairs: complex cells, and {@code noise} after the bank. The layer keeps its width:
   * the bank takes as many kernels as, with their complex cells, fit in its outputs, and the
   * learned bank the rest.
   */
  public static NetworkSpec withV1Stages(NetworkSpec spec, BankNoise noise) {
    return spec.mapConvLayers(conv -> v1Stages(conv, noise))
        .withModelName(spec.modelName() + "-vone");
  }

  private static ConvLayerSpec v1Stages(ConvLayerSpec conv, BankNoise noise) {
    MixedBanks mixed = MixedBanks.of(conv);
    FixedGaborBankSpec fixed = mixed.fixed();
    LearnableBankSpec learnable = mixed.learnable();
    if (fixed == null
        || learnable == null
        || fixed.window() != null
        || fixed.parametric()
        || fixed.gabor().quadraturePairs().isEmpty()) {
      return conv;
    }
    FixedGaborBankSpec staged = fixed.withComplexCells().withNoise(noise).fittedTo(fixed.filters());
    int learned = conv.filters() - staged.filters();
    List<BankSpec> banks = new ArrayList<>();
    for (BankSpec bank : conv.banks()) {
      banks.add(bank == fixed ? staged : bank == learnable ? learnable.withFilters(learned) : bank);
    }
    return conv.withBanks(banks);
  }

  private static ConvLayerSpec resplit(ConvLayerSpec conv, int percent) {
    MixedBanks mixed = MixedBanks.of(conv);
    FixedGaborBankSpec fixed = mixed.fixed();
    LearnableBankSpec learnable = mixed.learnable();
    if (fixed == null || learnable == null) {
      return conv;
    }
    int total = conv.filters();
    int fixedCount = Math.round(total * percent / 100f);
    List<BankSpec> banks = new ArrayList<>();
    if (fixedCount > 0) {
      banks.add(fixed.withFilters(fixedCount));
    }
    if (fixedCount < total) {
      banks.add(learnable.withFilters(total - fixedCount));
    }
    return conv.withBanks(banks);
  }

  /**
   * The first fixed Gabor bank and the first learnable bank of a layer, the two a variant changes;
   * either null where the layer has none.
   */
  private record MixedBanks(FixedGaborBankSpec fixed, LearnableBankSpec learnable) {
    static MixedBanks of(ConvLayerSpec conv) {
      FixedGaborBankSpec fixed = null;
      LearnableBankSpec learnable = null;
      for (BankSpec bank : conv.banks()) {
        if (bank instanceof FixedGaborBankSpec f && fixed == null) {
          fixed = f;
        } else if (bank instanceof LearnableBankSpec l && learnable == null) {
          learnable = l;
        }
      }
      return new MixedBanks(fixed, learnable);
    }
  }
}
