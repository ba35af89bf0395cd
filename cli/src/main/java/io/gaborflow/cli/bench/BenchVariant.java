package io.gaborflow.cli.bench;

import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.tensorflow.graph.ModelGraph;

/**
 * One column of the sweep: a share of fixed filters, and whether the Gabor banks train their values
 * at first ({@code partialEpochs}) or learn their Gabor parameters ({@code parametric}).
 */
public record BenchVariant(int fixedPercent, int partialEpochs, boolean parametric) {
  /** A variant whose Gabor banks are fixed, or train their values for {@code partialEpochs}. */
  public BenchVariant(int fixedPercent, int partialEpochs) {
    this(fixedPercent, partialEpochs, false);
  }

  /** How tables name the variant: {@code 50%}, {@code 50% + 1 trained}, {@code 50% parametric}. */
  public String label() {
    return fixedPercent
        + "%"
        + (partialEpochs > 0 ? " + " + partialEpochs + " trained" : "")
        + (parametric ? " parametric" : "");
  }

  /**
   * {@code base} re-split to this variant's share, its Gabor banks trained or parametric as it
   * says.
   */
  public ModelGraph graph(ModelGraph base) {
    var spec =
        NetworkVariants.withGaborTraining(
            NetworkVariants.withFixedShare(base.spec(), fixedPercent), partialEpochs);
    return ModelGraph.of(parametric ? NetworkVariants.withParametricGabor(spec) : spec);
  }
}
