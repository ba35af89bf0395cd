package io.gaborflow.cli.bench;

import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.tensorflow.graph.ModelGraph;

/**
 * A network compared as it was declared (a catalogue model or a user's {@code @Network} class), by
 * its model name.
 */
public record DeclaredModel(ModelGraph network) implements BenchVariant {
  private static final String PARTIAL = "+partial";

  /**
   * The network of a {@code bench --models} entry: a model name ({@link ModelCatalog#graph}),
   * optionally followed by {@code +partialN} for its fixed Gabor banks trained in the first {@code
   * N} epochs (as {@code @Fixed(trainableEpochs = N)} declares them), named {@code
   * <model>-partialN}.
   */
  public static DeclaredModel parse(String entry) {
    int plus = entry.indexOf(PARTIAL);
    if (plus < 0) {
      return new DeclaredModel(ModelCatalog.graph(entry));
    }
    String epochs = entry.substring(plus + PARTIAL.length());
    int n;
    try {
      n = Integer.parseInt(epochs);
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1) {
      throw new IllegalArgumentException(
          "--models entry '"
              + entry
              + "': +partial takes the number of epochs the Gabor banks train, such as +partial1");
    }
    return new DeclaredModel(
        ModelGraph.of(
            NetworkVariants.withGaborTraining(
                ModelCatalog.graph(entry.substring(0, plus)).spec(), n)));
  }

  @Override
  public String label() {
    return network.modelName();
  }

  /** The declared network; {@code base} plays no part. */
  @Override
  public ModelGraph graph(ModelGraph base) {
    return network;
  }

  /** No: among declared networks the first listed is the one the others are compared with. */
  @Override
  public boolean baseline() {
    return false;
  }
}
