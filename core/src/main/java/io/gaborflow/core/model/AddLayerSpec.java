package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;

/**
 * The element-wise sum of a node's two inputs, the main path first and the shortcut second, then
 * {@code activation}. The shapes are equal: a projection, where one is needed, is a node of its own
 * below the shortcut input.
 */
public record AddLayerSpec(String name, Activation activation) implements LayerSpec {
  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.add(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return input;
  }
}
