package io.gaborflow.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A whole network as its {@code @Network} class declares it, as a graph of layers: the one
 * description that the processor validates, the generated code builds and the backend lowers to
 * TensorFlow ops. Nodes are in an order where every input comes first; the last node gives the
 * logits. Output shapes are inferred once, here.
 */
public final class NetworkSpec {
  private final String qualifiedName;
  private final String modelName;
  private final FeatureShape input;
  private final int classes;
  private final List<Node> nodes;
  private final List<FeatureShape> shapes;

  /**
   * @param qualifiedName the declaring class
   * @param modelName the name used on the command line and in reports
   * @param input the shape of one input image
   * @param classes the number of classes
   * @param nodes the layers, each after its inputs
   */
  public NetworkSpec(
      String qualifiedName, String modelName, FeatureShape input, int classes, List<Node> nodes) {
    this.qualifiedName = qualifiedName;
    this.modelName = modelName;
    this.input = input;
    this.classes = classes;
    this.nodes = List.copyOf(nodes);
    this.shapes = inferShapes(input, this.nodes);
  }

  /** A builder for the network {@code qualifiedName} declares. */
  public static Builder builder(
      String qualifiedName, String modelName, FeatureShape input, int classes) {
    return new Builder(qualifiedName, modelName, input, classes);
  }

  /**
   * The output shape of each node, in order, each from its first input's shape. Stops after the
   * first node whose output has a dimension below 1, which is then the last entry.
   */
  private static List<FeatureShape> inferShapes(FeatureShape input, List<Node> nodes) {
    List<FeatureShape> shapes = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      int from = node.input();
      FeatureShape in = from == Node.NETWORK_INPUT ? input : shapes.get(from);
      FeatureShape out = node.layer().outputShape(in);
      shapes.add(out);
      if (out.height() < 1 || out.width() < 1) {
        break;
      }
    }
    return List.copyOf(shapes);
  }

  /** The declaring class. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /** The name used on the command line and in reports. */
  public String modelName() {
    return modelName;
  }

  /** The shape of one input image. */
  public FeatureShape input() {
    return input;
  }

  /** The number of classes. */
  public int classes() {
    return classes;
  }

  /** The layers, each after its inputs. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Output shapes by node; shorter than {@link #nodes()} when a window did not fit. */
  public List<FeatureShape> shapes() {
    return shapes;
  }

  /** The output shape of node {@code index}, or the input's for {@link Node#NETWORK_INPUT}. */
  public FeatureShape shapeOf(int index) {
    return index == Node.NETWORK_INPUT ? input : shapes.get(index);
  }

  /** Whether every node has a shape (no window too large for its input). */
  public boolean shapesComplete() {
    return shapes.size() == nodes.size();
  }

  /**
   * Whether the network answers differently from call to call: a fixed Gabor bank adds noise in it
   * (at test too).
   */
  public boolean stochastic() {
    return nodes.stream()
        .filter(node -> node.layer() instanceof ConvLayerSpec)
        .flatMap(node -> ((ConvLayerSpec) node.layer()).banks().stream())
        .anyMatch(bank -> bank instanceof FixedGaborBankSpec gabor && gabor.noise().present());
  }

  /** The same network under another name. */
  public NetworkSpec withModelName(String name) {
    return new NetworkSpec(qualifiedName, name, input, classes, nodes);
  }

  /** The same network with every convolution layer replaced by {@code change} of it. */
  public NetworkSpec mapConvLayers(UnaryOperator<ConvLayerSpec> change) {
    List<Node> changed = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      changed.add(
          node.layer() instanceof ConvLayerSpec conv ? node.withLayer(change.apply(conv)) : node);
    }
    return new NetworkSpec(qualifiedName, modelName, input, classes, changed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkSpec other
        && qualifiedName.equals(other.qualifiedName)
        && modelName.equals(other.modelName)
        && input.equals(other.input)
        && classes == other.classes
        && nodes.equals(other.nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(qualifiedName, modelName, input, classes, nodes);
  }

  @Override
  public String toString() {
    return "NetworkSpec[" + modelName + ", " + nodes.size() + " nodes]";
  }

  /**
   * Builds a network from its declared steps, in layer order: blocks expanded into their repeats,
   * shortcuts given projections where shapes differ, and no bias on a convolution that batch
   * normalisation follows.
   */
  public static final class Builder extends Steps.Builder<Builder> {
    private final String qualifiedName;
    private final String modelName;
    private final FeatureShape input;
    private final int classes;

    private Builder(String qualifiedName, String modelName, FeatureShape input, int classes) {
      this.qualifiedName = qualifiedName;
      this.modelName = modelName;
      this.input = input;
      this.classes = classes;
    }

    /**
     * Block {@code block} {@code count} times at {@code width} (0: its own), the first with {@code
     * stride}.
     */
    public Builder blocks(String origin, BlockSpec block, int count, int width, int stride) {
      return step(
          new Step.Blocks(origin, block, count, width == 0 ? block.width() : width, stride));
    }

    /**
     * The network.
     *
     * @throws IllegalArgumentException when a shortcut cannot be added or a block cannot take its
     *     width; the processor reports both at compile time
     */
    public NetworkSpec build() {
      GraphAssembly assembly = new GraphAssembly(input);
      assembly.place(steps(), "", Node.NETWORK_INPUT, null, 0, 1);
      return new NetworkSpec(qualifiedName, modelName, input, classes, assembly.nodes());
    }
  }
}
