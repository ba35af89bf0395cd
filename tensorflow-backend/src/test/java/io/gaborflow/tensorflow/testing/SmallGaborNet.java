package io.gaborflow.tensorflow.testing;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;

/**
 * A small network described the way generated graphs do it: two convolution layers, each half fixed
 * Gabor (SHARED in the first, SINGLE in the second) and half learnable, then dropout and dense.
 */
public final class SmallGaborNet implements ModelGraph {
  private static final NetworkSpec SPEC =
      NetworkSpec.builder(
              "test.SmallGaborNet", "small-gabor-net", FeatureShape.spatial(12, 12, 1), 4)
          .layer(
              "gabor_a",
              new ConvLayerSpec(
                  3,
                  1,
                  Padding.VALID,
                  Activation.RELU,
                  List.of(
                      new FixedGaborBankSpec(
                          "gabor_a",
                          GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build()),
                      new LearnableBankSpec("learned_a", 4, Initializer.GLOROT_UNIFORM))))
          .layer("pool", new PoolLayerSpec("pool", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
          .layer(
              "gabor_b",
              new ConvLayerSpec(
                  3,
                  1,
                  Padding.SAME,
                  Activation.RELU,
                  List.of(
                      new FixedGaborBankSpec(
                          "gabor_b",
                          GaborBankSpec.builder()
                              .orientations(3)
                              .phases(0)
                              .sigma(1)
                              .coverage(ChannelCoverage.SINGLE)
                              .build()),
                      new LearnableBankSpec("learned_b", 5, Initializer.HE_NORMAL))))
          .layer("flat", new FlattenLayerSpec("flat"))
          .layer("drop", new DropoutLayerSpec("drop", 0.25))
          .layer(
              "logits",
              new DenseLayerSpec("logits", 4, Activation.NONE, Initializer.GLOROT_UNIFORM))
          .build();

  @Override
  public NetworkSpec spec() {
    return SPEC;
  }
}
