package io.gaborflow.core.model;

import java.util.List;

/**
 * A layer at its place in a network's graph.
 *
 * @param scope where the layer sits, unique in the network: {@code layer3}, or {@code
 *     layer2/block1/layer1} inside the first repeat of a block used as layer 2; the graph names its
 *     ops and variables after it
 * @param origin the field of the network class that declared it (a block use for the layers of a
 *     block), for diagnostics
 * @param inputs earlier nodes by index, or {@link #NETWORK_INPUT}; one input, two for an addition
 *     (the main path, then the shortcut)
 */
public record Node(String scope, String origin, LayerSpec layer, List<Integer> inputs) {
  /** The index that stands for the network's images among a node's inputs. */
  public static final int NETWORK_INPUT = -1;

  /** Copies the inputs. */
  public Node {
    inputs = List.copyOf(inputs);
  }

  /** The first (for an addition, the main-path) input. */
  public int input() {
    return inputs.get(0);
  }

  /** The same node with another layer at its place. */
  public Node withLayer(LayerSpec newLayer) {
    return new Node(scope, origin, newLayer, inputs);
  }
}
