package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The network {@code half-gabor}, declared by {@code test.HalfGaborNet}, as gaborflow's description.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.HalfGaborNet"
)
public final class HalfGaborNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "half-gabor";

  private static final NetworkSpec SPEC = NetworkSpec.builder("test.HalfGaborNet", MODEL_NAME, FeatureShape.spatial(28, 28, 1), 10)
      // Layer 1: 5x5 convolution, stride 1, 20 filters (10 fixed Gabor, 10 learnable) -> 24x24x20
      .layer("gabor1", new ConvLayerSpec(5, 1, Padding.VALID, Activation.RELU, List.of(
          new FixedGaborBankSpec("gabor1", GaborBankSpec.builder()
              .orientations(5)
              .wavelengths(4.0)
              .phases(0.0, 90.0)
              .aspect(0.5)
              .sigma(2.0)
              .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
              .coverage(ChannelCoverage.SHARED)
              .build(), 0, TrainableAt.START),
          new LearnableBankSpec("conv1", 10, Initializer.GLOROT_UNIFORM))))
      // Layer 2: 2x2 max pooling, stride 2 -> 12x12x20
      .layer("pool1", new PoolLayerSpec("pool1", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
      // Layer 3: 3x3 convolution, stride 1, 16 filters (8 fixed Gabor, 8 learnable) -> 12x12x16
      .layer("gabor2", new ConvLayerSpec(3, 1, Padding.SAME, Activation.RELU, List.of(
          new FixedGaborBankSpec("gabor2", GaborBankSpec.builder()
              .orientations(4)
              .wavelengths(3.0, 6.0)
              .phases(0.0)
              .aspect(0.5)
              .bandwidth(1.0)
              .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
              .coverage(ChannelCoverage.SINGLE)
              .build(), 1, TrainableAt.START),
          new LearnableBankSpec("conv2", 8, Initializer.GLOROT_UNIFORM))))
      // Layer 4: 2x2 max pooling, stride 2 -> 6x6x16
      .layer("pool2", new PoolLayerSpec("pool2", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
      // Layer 5: dense fc1, 64 units -> vector of 64
      .layer("fc1", new DenseLayerSpec("fc1", 64, Activation.RELU, Initializer.GLOROT_UNIFORM))
      // Layer 6: dropout, rate 0.5 -> vector of 64
      .layer("drop", new DropoutLayerSpec("drop", 0.5))
      // Layer 7: dense logits, 10 units -> vector of 10
      .layer("logits", new DenseLayerSpec("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM))
      .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }
}
