package io.gaborflow.tensorflow.testing;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.BlockSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;

/**
 * A small residual network: a half-Gabor stem with batch normalisation, then a half-Gabor basic
 * block twice, the second use wider and strided (so its shortcut is projected), then global average
 * pooling and logits.
 */
public final class SmallResidualNet implements ModelGraph {
  private static final BlockSpec BASIC =
      BlockSpec.builder("test.Basic", 4)
          .layer(
              "conv1",
              new ConvLayerSpec(
                  3,
                  Conv.BLOCK_STRIDE,
                  Padding.SAME,
                  Activation.NONE,
                  List.of(
                      new FixedGaborBankSpec(
                          "gabor1",
                          GaborBankSpec.builder().orientations(2).phases(0).sigma(1).build()),
                      new LearnableBankSpec("conv1", 2, Initializer.HE_NORMAL))))
          .layer("bn1", new BatchNormLayerSpec("bn1", 0.9, 1e-3, Activation.RELU))
          .layer(
              "conv2",
              new ConvLayerSpec(
                  3,
                  1,
                  Padding.SAME,
                  Activation.NONE,
                  List.of(new LearnableBankSpec("conv2", 4, Initializer.HE_NORMAL))))
          .layer("bn2", new BatchNormLayerSpec("bn2", 0.9, 1e-3, Activation.NONE))
          .add("shortcut", "", Activation.RELU, Projection.CONV_BN)
          .build();

  private static final NetworkSpec SPEC =
      Specs.network("small-residual-net", 12, 1, 4)
          .layer(
              "stem",
              Specs.conv(
                  3,
                  1,
                  Padding.SAME,
                  Activation.NONE,
                  Specs.gabor(
                      "gabor", GaborBankSpec.builder().orientations(2).phases(0).sigma(1).build()),
                  Specs.learnable("stem", 2)))
          .layer("norm", new BatchNormLayerSpec("norm", 0.9, 1e-3, Activation.RELU))
          .blocks("stage1", BASIC, 1, 4, 1)
          .blocks("stage2", BASIC, 1, 8, 2)
          .layer("pool", new GlobalAvgPoolLayerSpec("pool"))
          .layer("logits", Specs.logits(4))
          .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }
}
