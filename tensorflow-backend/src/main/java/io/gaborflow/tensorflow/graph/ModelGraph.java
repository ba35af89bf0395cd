package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.GeneratedNames;
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

  /**
   * The graph the processor generated for {@code network}, a {@code @Network} class: {@code
   * <Name>Graph} beside it.
   *
   * @throws IllegalStateException when there is none, because the processor did not run; the
   *     message says how to add it
   */
  static ModelGraph forNetwork(Class<?> network) {
    String name = GeneratedNames.binaryName(network.getName(), GeneratedNames.GRAPH);
    try {
      return (ModelGraph)
          Class.forName(name, true, network.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          network.getName()
              + " has no generated "
              + name
              + ": gaborflow's annotation"
              + " processor did not run when it was compiled. Add io.gaborflow:gaborflow-processor to the"
              + " maven-compiler-plugin's <annotationProcessorPaths> (README, \"Using gaborflow from Java\"), or to"
              + " the annotationProcessor configuration in Gradle, and rebuild",
          e);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(name + " cannot be created: " + e, e);
    }
  }

  /** A model graph for a description made in code (a variant, a test network). */
  static ModelGraph of(NetworkSpec spec) {
    return () -> spec;
  }
}
