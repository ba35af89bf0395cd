package io.gaborflow.core.model;

/** Reshapes a feature map to a vector. */
public record FlattenLayerSpec(String name) implements LayerSpec {
  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.flatten(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.vector(input.elements());
  }
}
