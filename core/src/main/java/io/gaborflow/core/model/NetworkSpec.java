package io.gaborflow.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole network as its {@code @Network} class declares it: the one description that the
 * processor validates and generates code from.
 *
 * @param qualifiedName the declaring class
 * @param modelName the name used on the command line and in reports
 * @param input the shape of one input image
 * @param classes the number of classes
 * @param layers the layers in index order
 */
public record NetworkSpec(
    String qualifiedName, String modelName, FeatureShape input, int classes, List<LayerSpec> layers) {

  public NetworkSpec {
    layers = List.copyOf(layers);
  }

  /**
   * The output shape of every layer, in order. Stops after the first layer whose output has a
   * dimension below 1, which is then the last entry.
   */
  public List<FeatureShape> outputShapes() {
    List<FeatureShape> shapes = new ArrayList<>(layers.size());
    FeatureShape current = input;
    for (LayerSpec layer : layers) {
      current = layer.outputShape(current);
      shapes.add(current);
      if (current.height() < 1 || current.width() < 1) {
        break;
      }
    }
    return shapes;
  }
}
