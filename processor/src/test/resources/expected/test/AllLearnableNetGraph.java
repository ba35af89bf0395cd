package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.tensorflow.graph.InputSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkBuilder;
import javax.annotation.processing.Generated;

/**
 * The TensorFlow graph of {@code all-learnable-net}, declared by {@code test.AllLearnableNet}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.AllLearnableNet"
)
public final class AllLearnableNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "all-learnable-net";

  @Override
  public String modelName() {
    return MODEL_NAME;
  }

  @Override
  public InputSpec input() {
    return new InputSpec(16, 16, 3, 4);
  }

  @Override
  public void build(NetworkBuilder net) {
    // Layer 1: 3x3 convolution, stride 2, 6 filters (0 fixed Gabor, 6 learnable) -> 7x7x6
    net.conv(3, 2, Padding.VALID, Activation.RELU,
        net.learnable("conv", 6, Initializer.HE_NORMAL));
    // Layer 2: 2x2 average pooling, stride 1 -> 6x6x6
    net.avgPool(2, 1, Padding.VALID);
    // Layer 3: global average pooling -> vector of 6
    net.globalAvgPool();
    // Layer 4: flatten -> vector of 6
    net.flatten();
    // Layer 5: dense logits, 4 units -> vector of 4
    net.dense("logits", 4, Activation.NONE, Initializer.GLOROT_UNIFORM);
  }
}
