package io.gaborflow.tensorflow.testing;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.graph.InputSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkBuilder;

/**
 * A small network written the way generated graphs are: two convolution layers, each half fixed
 * Gabor (SHARED in the first, SINGLE in the second) and half learnable, then dropout and dense.
 */
public final class SmallGaborNet implements ModelGraph {
  @Override
  public String modelName() {
    return "small-gabor-net";
  }

  @Override
  public InputSpec input() {
    return new InputSpec(12, 12, 1, 4);
  }

  @Override
  public void build(NetworkBuilder net) {
    net.conv(3, 1, Padding.VALID, Activation.RELU,
        net.fixedGabor("gabor_a", GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build()),
        net.learnable("learned_a", 4, Initializer.GLOROT_UNIFORM));
    net.maxPool(2, 2, Padding.VALID);
    net.conv(3, 1, Padding.SAME, Activation.RELU,
        net.fixedGabor("gabor_b", GaborBankSpec.builder().orientations(3).phases(0).sigma(1)
            .coverage(ChannelCoverage.SINGLE).build()),
        net.learnable("learned_b", 5, Initializer.HE_NORMAL));
    net.flatten();
    net.dropout(0.25);
    net.dense("logits", 4, Activation.NONE, Initializer.GLOROT_UNIFORM);
  }
}
