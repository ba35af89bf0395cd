package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.NetworkSummary;

/**
 * A network to train: its description. The gaborflow processor generates one implementation per
 * {@code @Network} class ({@code <Name>Graph}); {@link NetworkLowering} turns the description into
 * TensorFlow ops.
 */
public interface ModelGraph {
  /** The network, as core describes it. */
  NetworkSpec spec();

  /** The model's name on the command line and in reports. */
  default String modelName() {
    return spec().modelName();
  }

  /**
   * The network as a table, like Keras' {@code model.summary()}: layers, output shapes, learnable
   * and fixed parameters, multiply-accumulates. {@code summary().format()} is the text.
   */
  default NetworkSummary summary() {
    return NetworkSummary.of(spec());
  }

  /** A model graph for a description made in code (a variant, a test network). */
  static ModelGraph of(NetworkSpec spec) {
    return () -> spec;
  }
}
