package io.gaborflow.cli.bench;

import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.tensorflow.graph.ModelGraph;

/**
 * One column of the sweep: a share of fixed filters, and whether the Gabor banks train their values
 * for {@code partialEpochs} at the {@code partialAt} end of the run or learn their Gabor parameters
 * ({@code parametric}).
 */
public record BenchVariant(
    int fixedPercent, int partialEpochs, boolean parametric, TrainableAt partialAt) {
  /** A variant whose Gabor banks are fixed, or parametric. */
  public BenchVariant(int fixedPercent, int partialEpochs, boolean parametric) {
    this(fixedPercent, partialEpochs, parametric, TrainableAt.START);
  }

  /** A variant whose Gabor banks are fixed, or train their values for their first epochs. */
  public BenchVariant(int fixedPercent, int partialEpochs) {
    this(fixedPercent, partialEpochs, false);
  }

  /**
   * How tables name the variant: {@code 50%}, {@code 50% + 1 trained}, {@code 50% + last 1
   * trained}, {@code 50% parametric}.
   */
  public String label() {
    String trained =
        partialAt == TrainableAt.START ? " + " + partialEpochs : " + last " + partialEpochs;
    return fixedPercent
        + "%"
        + (partialEpochs > 0 ? trained + " trained" : "")
        + (parametric ? " parametric" : "");
  }

  /**
   * {@code base} re-split to this variant's share, its Gabor banks trained or parametric as it
   * says.
   */
  public ModelGraph graph(ModelGraph base) {
    var spec =
        NetworkVariants.withGaborTraining(
            NetworkVariants.withFixedShare(base.spec(), fixedPercent), partialEpochs, partialAt);
    return ModelGraph.of(parametric ? NetworkVariants.withParametricGabor(spec) : spec);
  }
}
