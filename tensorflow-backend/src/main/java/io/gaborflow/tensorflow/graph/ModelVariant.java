package io.gaborflow.tensorflow.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared model with another share of fixed Gabor filters in its mixed convolution layers, or
 * with its Gabor banks trained for the first epochs: the paper's sweep, made from one
 * declaration at run time.
 *
 * <p>In each layer that has both a fixed Gabor bank and a learnable bank, with T filters in all,
 * the variant at p % has {@code round(T * p / 100)} Gabor filters (the first fixed bank's
 * wavelengths and phases, as few evenly spaced orientations as needed, cut to the count) and a
 * learnable bank with the rest. Layers that are all learnable or all fixed stay as declared.
 */
public final class ModelVariant implements ModelGraph, BankRewrite {
  /** {@link #fixedPercent} when the declared split is kept. */
  public static final int AS_DECLARED = -1;

  private final ModelGraph base;
  private final int fixedPercent;
  private final int partialEpochs;

  private ModelVariant(ModelGraph base, int fixedPercent, int partialEpochs) {
    if (fixedPercent != AS_DECLARED && (fixedPercent < 0 || fixedPercent > 100)) {
      throw new IllegalArgumentException("fixed share must be between 0 and 100 %, got " + fixedPercent);
    }
    if (partialEpochs < 0) {
      throw new IllegalArgumentException("Gabor training epochs must be 0 or more, got " + partialEpochs);
    }
    this.base = base;
    this.fixedPercent = fixedPercent;
    this.partialEpochs = partialEpochs;
  }

  /**
   * {@code base} at {@code fixedPercent} % fixed filters ({@link #AS_DECLARED} to keep its split),
   * with every Gabor bank trained for the first {@code partialEpochs} epochs (0: never).
   */
  public static ModelGraph of(ModelGraph base, int fixedPercent, int partialEpochs) {
    return fixedPercent == AS_DECLARED && partialEpochs == 0 ? base : new ModelVariant(base, fixedPercent, partialEpochs);
  }

  @Override
  public String modelName() {
    return base.modelName() + (fixedPercent == AS_DECLARED ? "" : "-fixed" + fixedPercent)
        + (partialEpochs == 0 ? "" : "-partial" + partialEpochs);
  }

  @Override
  public InputSpec input() {
    return base.input();
  }

  @Override
  public void build(NetworkBuilder net) {
    base.build(net);
  }

  @Override
  public List<BankDeclaration> rewrite(List<BankDeclaration> banks) {
    List<BankDeclaration> split = fixedPercent == AS_DECLARED ? banks : resplit(banks);
    if (partialEpochs == 0) {
      return split;
    }
    List<BankDeclaration> out = new ArrayList<>();
    for (BankDeclaration bank : split) {
      out.add(bank instanceof BankDeclaration.FixedGabor fixed && fixed.window() == null
          ? fixed.trainableFor(partialEpochs, io.gaborflow.core.annotation.TrainableAt.START)
          : bank);
    }
    return out;
  }

  private List<BankDeclaration> resplit(List<BankDeclaration> banks) {
    BankDeclaration.FixedGabor fixed = null;
    BankDeclaration.Learnable learnable = null;
    int total = 0;
    for (BankDeclaration bank : banks) {
      total += bank.filterCount();
      if (bank instanceof BankDeclaration.FixedGabor f && fixed == null) {
        fixed = f;
      } else if (bank instanceof BankDeclaration.Learnable l && learnable == null) {
        learnable = l;
      }
    }
    if (fixed == null || learnable == null) {
      return banks;
    }
    int fixedCount = Math.round(total * fixedPercent / 100f);
    List<BankDeclaration> out = new ArrayList<>();
    if (fixedCount > 0) {
      out.add(new BankDeclaration.FixedGabor(fixed.name(), fixed.spec().withFilterCount(fixedCount), fixed.window()));
    }
    if (fixedCount < total) {
      out.add(new BankDeclaration.Learnable(learnable.name(), total - fixedCount, learnable.initializer()));
    }
    return out;
  }
}
