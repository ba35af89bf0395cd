package io.gaborflow.tensorflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Finding a network's generated graph, and saying what to do when the processor never ran. */
class ModelGraphForNetworkTest {
  /**
   * Stands for a network class the processor generated {@code
   * ModelGraphForNetworkTest_HandWrittenNetGraph} for.
   */
  static final class HandWrittenNet {}

  @Test
  void findsTheGraphBesideTheNetworkClass() {
    ModelGraph graph = ModelGraph.forNetwork(HandWrittenNet.class);
    assertEquals("small-gabor-net", graph.modelName());
  }

  @Test
  void aMissingGraphMeansTheProcessorDidNotRun() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ModelGraph.forNetwork(String.class));
    assertTrue(
        e.getMessage()
            .startsWith(
                "java.lang.String has no generated java.lang.StringGraph: gaborflow's"
                    + " annotation processor did not run when it was compiled. Add io.gaborflow:gaborflow-processor to the"
                    + " maven-compiler-plugin's <annotationProcessorPaths>"),
        e.getMessage());
  }
}
