package io.gaborflow.tensorflow.bench;

import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.tensorflow.graph.ModelGraph;

/** One column of the sweep: a share of fixed filters, and whether the Gabor banks train at first. */
public record BenchVariant(int fixedPercent, int partialEpochs) {
  /** How tables name the variant: {@code 50%}, {@code 50% + 1 trained}. */
  public String label() {
    return fixedPercent + "%" + (partialEpochs > 0 ? " + " + partialEpochs + " trained" : "");
  }

  /** {@code base} re-split to this variant's share, its Gabor banks trained for its epochs. */
  public ModelGraph graph(ModelGraph base) {
    return ModelGraph.of(NetworkVariants.withGaborTraining(
        NetworkVariants.withFixedShare(base.spec(), fixedPercent), partialEpochs));
  }
}
