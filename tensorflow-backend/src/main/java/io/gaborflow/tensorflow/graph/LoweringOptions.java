package io.gaborflow.tensorflow.graph;

import java.util.Map;

/**
 * Choices that change which ops a network becomes, never what it computes.
 *
 * @param deterministic keep to ops whose results do not change from one build of the graph to the
 *     next
 * @param layerForm how convolution layers with fixed and learned banks are built
 * @param layers the form of particular layers, by scope ({@link FormSite#layer()}), overriding
 *     {@code layerForm}
 */
public record LoweringOptions(
    boolean deterministic, LayerForm layerForm, Map<String, LayerForm> layers) {
  /** Checks that the forms are given and resolved. */
  public LoweringOptions {
    if (layerForm == null) {
      throw new IllegalArgumentException("a layer form is needed; use LayerForm.PER_BANK");
    }
    layers = Map.copyOf(layers);
    if (layerForm == LayerForm.AUTO || layers.containsValue(LayerForm.AUTO)) {
      throw new IllegalArgumentException(
          "LayerForm.AUTO is a choice made per layer before lowering (ModelSession.open makes it):"
              + " give PER_BANK, WHOLE_LAYER or SPLIT_GRADIENT");
    }
  }

  /** Every layer in {@code layerForm}. */
  public LoweringOptions(boolean deterministic, LayerForm layerForm) {
    this(deterministic, layerForm, Map.of());
  }

  /** The form of the layer of scope {@code layer}. */
  public LayerForm formOf(String layer) {
    return layers.getOrDefault(layer, layerForm);
  }
}
