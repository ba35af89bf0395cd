package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Padding;

/** Max or average pooling; {@code stride} is already resolved (never 0). */
public record PoolLayerSpec(String name, Kind kind, int size, int stride, Padding padding)
    implements LayerSpec {

  /** Which reduction the window applies. */
  public enum Kind {
    /** The largest value of each window. */
    MAX,
    /** The mean of each window. */
    AVERAGE
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.pool(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.spatial(
        Windows.outputSize(input.height(), size, stride, padding),
        Windows.outputSize(input.width(), size, stride, padding),
        input.channels());
  }
}
