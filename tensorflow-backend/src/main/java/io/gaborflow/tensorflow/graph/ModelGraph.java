package io.gaborflow.tensorflow.graph;

/**
 * A network's architecture as TensorFlow ops. The gaborflow processor generates one
 * implementation per {@code @Network} class ({@code <Name>Graph}); it states the layers and calls
 * {@link NetworkBuilder}, where the behaviour of every layer lives.
 */
public interface ModelGraph {
  /** The model's name on the command line and in reports. */
  String modelName();

  InputSpec input();

  /** Emits the network's layers, first to last; the last one gives the logits. */
  void build(NetworkBuilder net);
}
