package io.gaborflow.core.model;

/** The mean of each channel over all positions. */
public record GlobalAvgPoolLayerSpec(String name) implements LayerSpec {
  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.globalAvgPool(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.vector(input.channels());
  }
}
