package io.gaborflow.core.model;

/** One layer of a network, as its annotations declare it. */
public sealed interface LayerSpec
    permits ConvLayerSpec, PoolLayerSpec, DenseLayerSpec, DropoutLayerSpec, FlattenLayerSpec,
        GlobalAvgPoolLayerSpec {

  /** Layer index, counted from 1. */
  int index();

  /** The output shape for one example, given the input shape; dimensions below 1 mean "too small". */
  FeatureShape outputShape(FeatureShape input);
}
