package io.gaborflow.core.model;

/**
 * One layer of a network, as its annotations declare it; where it sits is its {@link Node}'s
 * business.
 */
public sealed interface LayerSpec
    permits ConvLayerSpec,
        PoolLayerSpec,
        DenseLayerSpec,
        DropoutLayerSpec,
        FlattenLayerSpec,
        GlobalAvgPoolLayerSpec,
        BatchNormLayerSpec,
        AddLayerSpec {

  /**
   * The output shape for one example, given the shape of the (first) input; dimensions below 1 mean
   * "too small".
   */
  FeatureShape outputShape(FeatureShape input);

  /** What {@code visitor} gives for this layer, by its kind. */
  <R> R accept(LayerVisitor<R> visitor);
}
