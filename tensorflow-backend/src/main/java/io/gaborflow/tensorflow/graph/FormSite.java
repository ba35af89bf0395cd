package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;

/**
 * A convolution layer that can take either {@link LayerForm}: a learned bank beside constant fixed
 * banks.
 *
 * @param layer the layer's scope, as {@link LoweringOptions#layers()} names it
 * @param shape what the cost of its forms depends on besides the machine, the batch and the
 *     precision: input size and channels with which of them carry gradients, kernel size, stride,
 *     padding and its banks; two layers with the same shape cost the same in either form
 */
public record FormSite(String layer, String shape) {
  /** Whether a layer of {@code spec} can take either form, so that choosing one is worth a try. */
  public static boolean anyIn(NetworkSpec spec) {
    for (Node node : spec.nodes()) {
      if (node.layer() instanceof ConvLayerSpec conv && ConvLowering.wholeLayerFits(conv)) {
        return true;
      }
    }
    return false;
  }
}
