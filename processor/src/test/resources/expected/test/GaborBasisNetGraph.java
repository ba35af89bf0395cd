package test;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.GaborBasisBankSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The network {@code gabor-basis}, declared by {@code test.GaborBasisNet}, as gaborflow's description.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.GaborBasisNet"
)
public final class GaborBasisNetGraph implements ModelGraph {
  public static final String MODEL_NAME = "gabor-basis";

  private static final NetworkSpec SPEC = NetworkSpec.builder("test.GaborBasisNet", MODEL_NAME, FeatureShape.spatial(16, 16, 3), 10)
      // Layer 1: 3x3 convolution, stride 1, 8 filters (0 fixed Gabor, 8 learnable, 8 of them over a fixed Gabor basis) -> 16x16x8
      .layer("stem", new ConvLayerSpec(3, 1, Padding.SAME, Activation.NONE, List.of(
          new GaborBasisBankSpec("stem", 8, Initializer.GLOROT_UNIFORM,
              GaborBankSpec.builder()
                  .orientations(2)
                  .wavelengths(4.0)
                  .phases(0.0, 90.0)
                  .aspect(0.5)
                  .bandwidth(1.0)
                  .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
                  .coverage(ChannelCoverage.SHARED)
                  .build()))))
      // Layer 2: batch normalisation, relu -> 16x16x8
      .layer("stemNorm", new BatchNormLayerSpec("stemNorm", 0.99, 0.001, Activation.RELU))
      // Layer 3: 1 x basic, width 8, stride 1 -> 16x16x8
      .blocks("stage1", basic(), 1, 8, 1)
      // Layer 4: 1 x plainBasic, width 16, stride 2 -> 8x8x16
      .blocks("stage2", plainBasic(), 1, 16, 2)
      // Layer 5: global average pooling -> vector of 16
      .layer("pool", new GlobalAvgPoolLayerSpec("pool"))
      // Layer 6: dense logits, 10 units -> vector of 10
      .layer("logits", new DenseLayerSpec("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM))
      .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }

  /**
   * Block {@code test.GaborBasisNet.Basic}, declared for width 8.
   */
  private static BlockSpec basic() {
    return BlockSpec.builder("test.GaborBasisNet.Basic", 8)
        // Layer 1: 3x3 convolution, stride the block's, 8 filters (0 fixed Gabor, 8 learnable, 8 of them over a fixed Gabor basis)
        .layer("conv1", new ConvLayerSpec(3, 0, Padding.SAME, Activation.NONE, List.of(
            new GaborBasisBankSpec("conv1", 8, Initializer.GLOROT_UNIFORM,
                GaborBankSpec.builder()
                    .orientations(2)
                    .wavelengths(3.0)
                    .phases(0.0, 90.0)
                    .aspect(0.5)
                    .sigma(1.0)
                    .normalization(Normalization.NONE)
                    .coverage(ChannelCoverage.SHARED)
                    .build()))))
        // Layer 2: batch normalisation, relu
        .layer("bn1", new BatchNormLayerSpec("bn1", 0.99, 0.001, Activation.RELU))
        // Layer 3: shortcut from the input added, relu
        .add("shortcut", "", Activation.RELU, Projection.CONV_BN)
        .build();
  }

  /**
   * Block {@code test.GaborBasisNet.Plain.Basic}, declared for width 8.
   */
  private static BlockSpec plainBasic() {
    return BlockSpec.builder("test.GaborBasisNet.Plain.Basic", 8)
        // Layer 1: 3x3 convolution, stride the block's, 8 filters (0 fixed Gabor, 8 learnable)
        .layer("conv1", new ConvLayerSpec(3, 0, Padding.SAME, Activation.NONE, List.of(
            new LearnableBankSpec("conv1", 8, Initializer.GLOROT_UNIFORM))))
        // Layer 2: batch normalisation, relu
        .layer("bn1", new BatchNormLayerSpec("bn1", 0.99, 0.001, Activation.RELU))
        // Layer 3: shortcut from the input added, relu
        .add("shortcut", "", Activation.RELU, Projection.CONV_BN)
        .build();
  }
}
