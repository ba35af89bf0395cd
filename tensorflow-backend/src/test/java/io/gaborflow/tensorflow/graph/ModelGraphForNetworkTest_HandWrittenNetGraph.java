package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.testing.SmallGaborNet;

/** What the processor would generate for {@code ModelGraphForNetworkTest.HandWrittenNet}. */
public final class ModelGraphForNetworkTest_HandWrittenNetGraph implements ModelGraph {
  @Override
  public NetworkSpec spec() {
    return new SmallGaborNet().spec();
  }
}
