package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.graph.InputSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkBuilder;
import javax.annotation.processing.Generated;

/**
 * The TensorFlow graph of {@code half-gabor}, declared by {@code test.HalfGaborNet}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.HalfGaborNet"
)
public final class HalfGaborNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "half-gabor";

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
    // Layer 1: 5x5 convolution, stride 1, 20 filters (10 fixed Gabor, 10 learnable) -> 24x24x20
    net.conv(5, 1, Padding.VALID, Activation.RELU,
        net.fixedGabor("gabor1", GaborBankSpec.builder()
            .orientations(5)
            .wavelengths(4.0)
            .phases(0.0, 90.0)
            .aspect(0.5)
            .sigma(2.0)
            .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
            .coverage(ChannelCoverage.SHARED)
            .build()),
        net.learnable("conv1", 10, Initializer.GLOROT_UNIFORM));
    // Layer 2: 2x2 max pooling, stride 2 -> 12x12x20
    net.maxPool(2, 2, Padding.VALID);
    // Layer 3: 3x3 convolution, stride 1, 16 filters (8 fixed Gabor, 8 learnable) -> 12x12x16
    net.conv(3, 1, Padding.SAME, Activation.RELU,
        net.fixedGabor("gabor2", GaborBankSpec.builder()
            .orientations(4)
            .wavelengths(3.0, 6.0)
            .phases(0.0)
            .aspect(0.5)
            .bandwidth(1.0)
            .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
            .coverage(ChannelCoverage.SINGLE)
            .build())
            .trainableFor(1, TrainableAt.START),
        net.learnable("conv2", 8, Initializer.GLOROT_UNIFORM));
    // Layer 4: 2x2 max pooling, stride 2 -> 6x6x16
    net.maxPool(2, 2, Padding.VALID);
    // Layer 5: dense fc1, 64 units -> vector of 64
    net.dense("fc1", 64, Activation.RELU, Initializer.GLOROT_UNIFORM);
    // Layer 6: dropout, rate 0.5 -> vector of 64
    net.dropout(0.5);
    // Layer 7: dense logits, 10 units -> vector of 10
    net.dense("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM);
  }
}
