package io.gaborflow.tensorflow.bench;

import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.ModelVariant;

/** One column of the sweep: a share of fixed filters, and whether the Gabor banks train at first. */
public record BenchVariant(int fixedPercent, int partialEpochs) {
  public String label() {
    return fixedPercent + "%" + (partialEpochs > 0 ? " + " + partialEpochs + " trained" : "");
  }

  public ModelGraph graph(ModelGraph base) {
    return ModelVariant.of(base, fixedPercent, partialEpochs);
  }
}
