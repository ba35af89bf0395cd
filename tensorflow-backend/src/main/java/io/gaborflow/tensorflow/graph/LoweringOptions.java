package io.gaborflow.tensorflow.graph;

/**
 * Choices that change which ops a network becomes, never what it computes.
 *
 * @param deterministic keep to ops whose results do not change from one build of the graph to the
 *     next
 * @param layerForm how convolution layers with fixed and learned banks are built
 */
public record LoweringOptions(boolean deterministic, LayerForm layerForm) {
  /** Checks that a form is given. */
  public LoweringOptions {
    if (layerForm == null) {
      throw new IllegalArgumentException("a layer form is needed; use LayerForm.PER_BANK");
    }
  }
}
