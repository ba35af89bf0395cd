package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;

/**
 * Batch normalisation per channel with a learned scale and offset, then {@code activation}.
 *
 * @param momentum weight of the old value in each moving-average update
 * @param epsilon added to the variance before its square root
 */
public record BatchNormLayerSpec(
    String name, double momentum, double epsilon, Activation activation) implements LayerSpec {

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.batchNorm(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return input;
  }

  /** Learned values per channel: the scale γ and the offset β. */
  public static final int LEARNED_PER_CHANNEL = 2;

  /**
   * Values per channel updated by the training step but not by the optimizer: the moving mean and
   * variance.
   */
  public static final int MOVING_PER_CHANNEL = 2;
}
