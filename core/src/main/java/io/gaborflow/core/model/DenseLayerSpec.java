package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;

/** A fully connected layer; a spatial input is flattened first. */
public record DenseLayerSpec(String name, int units, Activation activation, Initializer initializer)
    implements LayerSpec {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.dense(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.vector(units);
  }
}
