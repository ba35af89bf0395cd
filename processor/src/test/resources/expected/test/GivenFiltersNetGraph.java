package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.tensorflow.graph.FilterSources;
import io.gaborflow.tensorflow.graph.InputSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkBuilder;
import javax.annotation.processing.Generated;

/**
 * The TensorFlow graph of {@code given-filters-net}, declared by {@code test.GivenFiltersNet}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.GivenFiltersNet"
)
public final class GivenFiltersNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "given-filters-net";

  @Override
  public String modelName() {
    return MODEL_NAME;
  }

  @Override
  public InputSpec input() {
    return new InputSpec(28, 28, 1, 10);
  }

  @Override
  public void build(NetworkBuilder net) {
    // Layer 1: 3x3 convolution, stride 1, 8 filters (0 fixed Gabor, 3 fixed given, 5 learnable) -> 26x26x8
    net.conv(3, 1, Padding.VALID, Activation.RELU,
        net.fixedTensor("sobel", FilterSources.npy("filters/sobel.npy")),
        net.fixedTensor("blur", FilterSources.supplier(GivenFiltersNet.Blur::new, 1)),
        net.learnable("conv1", 5, Initializer.GLOROT_UNIFORM));
    // Layer 2: 2x2 max pooling, stride 2 -> 13x13x8
    net.maxPool(2, 2, Padding.VALID);
    // Layer 3: 3x3 convolution, stride 1, 8 filters (0 fixed Gabor, 4 fixed given, 4 learnable) -> 11x11x8
    net.conv(3, 1, Padding.VALID, Activation.RELU,
        net.fixedTensor("reused", FilterSources.model("runs/first", "layer3/conv2", 4)),
        net.learnable("conv2", 4, Initializer.GLOROT_UNIFORM));
    // Layer 4: dense logits, 10 units -> vector of 10
    net.dense("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM);
  }
}
