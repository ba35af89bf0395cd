package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The network {@code vone-gabor}, declared by {@code test.VOneGaborNet}, as gaborflow's description.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.VOneGaborNet"
)
public final class VOneGaborNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "vone-gabor";

  private static final NetworkSpec SPEC = NetworkSpec.builder("test.VOneGaborNet", MODEL_NAME, FeatureShape.spatial(28, 28, 1), 10)
      // Layer 1: 5x5 convolution, stride 1, 24 filters (8 fixed Gabor and 4 complex cells, 12 learnable) -> 24x24x24
      .layer("gabor1", new ConvLayerSpec(5, 1, Padding.VALID, Activation.RELU, List.of(
          new FixedGaborBankSpec("gabor1", GaborBankSpec.builder()
              .orientations(4)
              .wavelengths(4.0)
              .phases(0.0, 90.0)
              .aspect(0.5)
              .sigma(2.0)
              .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
              .coverage(ChannelCoverage.SHARED)
              .build(), 0, TrainableAt.START)
          .withComplexCells()
          .withNoise(new BankNoise(NoiseKind.POISSON, 0.5)),
          new LearnableBankSpec("conv1", 12, Initializer.GLOROT_UNIFORM))))
      // Layer 2: 2x2 max pooling, stride 2 -> 12x12x24
      .layer("pool1", new PoolLayerSpec("pool1", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
      // Layer 3: dense logits, 10 units -> vector of 10
      .layer("logits", new DenseLayerSpec("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM))
      .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }
}
