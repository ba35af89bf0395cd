package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The network {@code given-filters-net}, declared by {@code test.GivenFiltersNet}, as gaborflow's description.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.GivenFiltersNet"
)
public final class GivenFiltersNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "given-filters-net";

  private static final NetworkSpec SPEC = NetworkSpec.builder("test.GivenFiltersNet", MODEL_NAME, FeatureShape.spatial(28, 28, 1), 10)
      // Layer 1: 3x3 convolution, stride 1, 8 filters (0 fixed Gabor, 3 fixed given, 5 learnable) -> 26x26x8
      .layer("sobel", new ConvLayerSpec(3, 1, Padding.VALID, Activation.RELU, List.of(
          FixedTensorBankSpec.npy("sobel", "filters/sobel.npy", List.of(3, 3, 1, 2)),
          FixedTensorBankSpec.supplier("blur", GivenFiltersNet.Blur.class, 1),
          new LearnableBankSpec("conv1", 5, Initializer.GLOROT_UNIFORM))))
      // Layer 2: 2x2 max pooling, stride 2 -> 13x13x8
      .layer("pool", new PoolLayerSpec("pool", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
      // Layer 3: 3x3 convolution, stride 1, 8 filters (0 fixed Gabor, 4 fixed given, 4 learnable) -> 11x11x8
      .layer("reused", new ConvLayerSpec(3, 1, Padding.VALID, Activation.RELU, List.of(
          FixedTensorBankSpec.model("reused", "runs/first", "layer3/conv2", 4),
          new LearnableBankSpec("conv2", 4, Initializer.GLOROT_UNIFORM))))
      // Layer 4: dense logits, 10 units -> vector of 10
      .layer("logits", new DenseLayerSpec("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM))
      .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }
}
