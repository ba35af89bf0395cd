package io.gaborflow.core.model;

/** Inverted dropout while training; the identity at evaluation. */
public record DropoutLayerSpec(String name, double rate) implements LayerSpec {
  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.dropout(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return input;
  }
}
