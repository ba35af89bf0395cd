package io.gaborflow.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;
import io.gaborflow.core.gabor.GaborBankSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The description without TensorFlow: blocks, shortcuts, bias rule, variants and costs. */
class NetworkSpecTest {
  private static final BlockSpec BASIC =
      BlockSpec.builder("test.Basic", 8)
          .layer(
              "conv1",
              new ConvLayerSpec(
                  3,
                  Conv.BLOCK_STRIDE,
                  Padding.SAME,
                  Activation.NONE,
                  List.of(
                      new FixedGaborBankSpec(
                          "gabor", GaborBankSpec.builder().orientations(2).phases(0, 90).build()),
                      new LearnableBankSpec("conv1", 4, Initializer.HE_NORMAL))))
          .layer("bn", new BatchNormLayerSpec("bn", 0.9, 1e-3, Activation.RELU))
          .add("shortcut", "", Activation.RELU, Projection.CONV_BN)
          .build();

  private static NetworkSpec network() {
    return NetworkSpec.builder("test.Net", "net", FeatureShape.spatial(8, 8, 3), 4)
        .layer(
            "stem",
            new ConvLayerSpec(
                3,
                1,
                Padding.SAME,
                Activation.RELU,
                List.of(new LearnableBankSpec("stem", 8, Initializer.HE_NORMAL))))
        .blocks("stage", BASIC, 2, 16, 2)
        .layer("pool", new GlobalAvgPoolLayerSpec("pool"))
        .layer(
            "logits", new DenseLayerSpec("logits", 4, Activation.NONE, Initializer.GLOROT_UNIFORM))
        .build();
  }

  @Test
  void blocksExpandWithWidthStrideAndProjection() {
    NetworkSpec spec = network();
    List<String> scopes = spec.nodes().stream().map(Node::scope).toList();
    assertEquals(
        List.of(
            "layer1",
            "layer2/block1/layer1",
            "layer2/block1/layer2",
            "layer2/block1/layer3/shortcut",
            "layer2/block1/layer3/shortcut_bn",
            "layer2/block1/layer3",
            "layer2/block2/layer1",
            "layer2/block2/layer2",
            "layer2/block2/layer3",
            "layer3",
            "layer4"),
        scopes);
    ConvLayerSpec first = (ConvLayerSpec) spec.nodes().get(1).layer();
    assertEquals(2, first.stride(), "the first repeat takes the use's stride");
    assertEquals(
        List.of(8, 8),
        first.banks().stream().map(BankSpec::filters).toList(),
        "width 16 doubles every bank");
    assertFalse(first.bias(), "batch normalisation follows, so no bias");
    assertEquals(
        1, ((ConvLayerSpec) spec.nodes().get(6).layer()).stride(), "later repeats stride 1");
    assertEquals(FeatureShape.spatial(4, 4, 16), spec.shapeOf(5));
    assertEquals(
        List.of(2, 4), spec.nodes().get(5).inputs(), "main path, then the projected shortcut");
    assertEquals(
        List.of(7, 5), spec.nodes().get(8).inputs(), "identity shortcut from the block's input");
  }

  @Test
  void aShortcutNoProjectionFixesIsRefusedWithItsField() {
    NetworkSpecException e =
        assertThrows(
            NetworkSpecException.class,
            () ->
                NetworkSpec.builder("test.Bad", "bad", FeatureShape.spatial(8, 8, 1), 2)
                    .layer(
                        "conv",
                        new ConvLayerSpec(
                            3,
                            1,
                            Padding.VALID,
                            Activation.RELU,
                            List.of(new LearnableBankSpec("conv", 4, Initializer.HE_NORMAL))))
                    .add("sum", "", Activation.RELU, Projection.NONE)
                    .build());
    assertEquals("sum", e.origin());
    assertEquals(NetworkSpecException.Kind.SHORTCUT_SHAPE, e.kind());
  }

  @Test
  void fixedShareResplitsMixedLayersOnly() {
    NetworkSpec spec = NetworkVariants.withFixedShare(network(), 25);
    ConvLayerSpec stem = (ConvLayerSpec) spec.nodes().get(0).layer();
    ConvLayerSpec mixed = (ConvLayerSpec) spec.nodes().get(1).layer();
    assertEquals(1, stem.banks().size(), "an all-learnable layer stays as declared");
    assertEquals(List.of(4, 12), mixed.banks().stream().map(BankSpec::filters).toList());
    assertEquals("net-fixed25", spec.modelName());
    NetworkSpec trained = NetworkVariants.withGaborTraining(network(), 2);
    FixedGaborBankSpec gabor =
        (FixedGaborBankSpec) ((ConvLayerSpec) trained.nodes().get(1).layer()).banks().get(0);
    assertEquals(
        new TrainingWindow(2, io.gaborflow.core.annotation.TrainableAt.START), gabor.window());
  }

  @Test
  void costsCountLearnedFiltersAndNoFixedFilterGradient() {
    NetworkSpec spec =
        NetworkSpec.builder("test.Tiny", "tiny", FeatureShape.spatial(8, 8, 1), 2)
            .layer(
                "conv",
                new ConvLayerSpec(
                    3,
                    1,
                    Padding.VALID,
                    Activation.RELU,
                    List.of(
                        new FixedGaborBankSpec(
                            "gabor",
                            GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build()),
                        new LearnableBankSpec("conv", 4, Initializer.GLOROT_UNIFORM))))
            .layer(
                "logits",
                new DenseLayerSpec("logits", 2, Activation.NONE, Initializer.GLOROT_UNIFORM))
            .build();
    TrainingCost cost = TrainingCost.of(spec);
    // 6x6 outputs x 3x3 x 1 channel = 324 per filter; dense: 288 inputs x 2 units = 576.
    assertEquals(324 * 8 + 576, cost.forward());
    assertEquals(576, cost.inputGradient());
    assertEquals(324 * 4 + 576, cost.filterGradient());
    ParameterCount count = ParameterCount.of(spec);
    assertEquals(4 * 9 + 4 + 288 * 2 + 2, count.learnable());
    assertEquals(4 * 9, count.fixed());
    assertTrue(count.storageBytes() < count.tensorBytes());
  }

  @Test
  void aGaborBankTrainedForSomeEpochsIsStoredAsItsTensor() {
    GaborBankSpec gabor = GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build();
    NetworkSpec spec =
        NetworkSpec.builder("test.Partial", "partial", FeatureShape.spatial(8, 8, 1), 2)
            .layer(
                "conv",
                new ConvLayerSpec(
                    3,
                    1,
                    Padding.VALID,
                    Activation.RELU,
                    List.of(
                        new FixedGaborBankSpec(
                            "gabor", gabor, 1, io.gaborflow.core.annotation.TrainableAt.START),
                        new LearnableBankSpec("conv", 4, Initializer.GLOROT_UNIFORM))))
            .layer(
                "logits",
                new DenseLayerSpec("logits", 2, Activation.NONE, Initializer.GLOROT_UNIFORM))
            .build();
    ParameterCount count = ParameterCount.of(spec);
    assertEquals(4 * 9, count.fixed());
    assertEquals(0, count.gaborFilters(), "its trained values are not Gabor kernels");
    assertEquals(count.tensorBytes(), count.storageBytes());
  }
}
