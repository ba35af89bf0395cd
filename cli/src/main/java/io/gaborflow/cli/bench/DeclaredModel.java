package io.gaborflow.cli.bench;

import io.gaborflow.tensorflow.graph.ModelGraph;

/**
 * A network compared as it was declared (a catalogue model or a user's {@code @Network} class), by
 * its model name.
 */
public record DeclaredModel(ModelGraph network) implements BenchVariant {
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
