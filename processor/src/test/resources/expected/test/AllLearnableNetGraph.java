package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The network {@code all-learnable-net}, declared by {@code test.AllLearnableNet}, as gaborflow's description.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.AllLearnableNet"
)
public final class AllLearnableNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "all-learnable-net";

  private static final NetworkSpec SPEC = NetworkSpec.builder("test.AllLearnableNet", MODEL_NAME, FeatureShape.spatial(16, 16, 3), 4)
      // Layer 1: 3x3 convolution, stride 2, 6 filters (0 fixed Gabor, 6 learnable) -> 7x7x6
      .layer("conv", new ConvLayerSpec(3, 2, Padding.VALID, Activation.RELU, List.of(
          new LearnableBankSpec("conv", 6, Initializer.HE_NORMAL))))
      // Layer 2: 2x2 average pooling, stride 1 -> 6x6x6
      .layer("pool", new PoolLayerSpec("pool", PoolLayerSpec.Kind.AVERAGE, 2, 1, Padding.VALID))
      // Layer 3: global average pooling -> vector of 6
      .layer("gap", new GlobalAvgPoolLayerSpec("gap"))
      // Layer 4: flatten -> vector of 6
      .layer("flat", new FlattenLayerSpec("flat"))
      // Layer 5: dense logits, 4 units -> vector of 4
      .layer("logits", new DenseLayerSpec("logits", 4, Activation.NONE, Initializer.GLOROT_UNIFORM))
      .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }
}
