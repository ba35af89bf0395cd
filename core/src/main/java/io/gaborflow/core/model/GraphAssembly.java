package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Places declared steps as nodes of a graph, inferring shapes as it goes. */
final class GraphAssembly {
  /** Batch normalisation of a projected shortcut: Keras' defaults, as {@code @BatchNorm}'s. */
  private static final double PROJECTION_MOMENTUM = 0.99;

  private static final double PROJECTION_EPSILON = 0.001;

  private final FeatureShape input;
  private final List<Node> nodes = new ArrayList<>();
  private final List<FeatureShape> shapes = new ArrayList<>();

  GraphAssembly(FeatureShape input) {
    this.input = input;
  }

  List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * Places {@code steps} after node {@code start}, scoped under {@code parent}; {@code block} is
   * the block they come from (null for the network's own) used at {@code width} with {@code
   * stride}. Returns the last node.
   */
  int place(List<Step> steps, String parent, int start, BlockSpec block, int width, int stride) {
    return place(steps, parent, start, block, width, stride, null);
  }

  private int place(
      List<Step> steps,
      String parent,
      int start,
      BlockSpec block,
      int width,
      int stride,
      String blockUse) {
    Map<String, Integer> byOrigin = new HashMap<>();
    int current = start;
    int index = 0;
    for (Step step : steps) {
      index++;
      String scope = Scopes.layer(parent, index);
      String origin = blockUse == null ? step.origin() : blockUse;
      int below = current;
      current =
          step.accept(
              new Step.Visitor<Integer>() {
                @Override
                public Integer layer(Step.Layer layer) {
                  return append(
                      scope,
                      origin,
                      resolve(origin, layer.layer(), block, width, stride),
                      List.of(below));
                }

                @Override
                public Integer add(Step.Add add) {
                  int from = add.from().isEmpty() ? start : byOrigin.get(add.from());
                  int shortcut = shortcut(scope, origin, below, from, add.projection());
                  return append(
                      scope,
                      origin,
                      new AddLayerSpec("add", add.activation()),
                      List.of(below, shortcut));
                }

                @Override
                public Integer blocks(Step.Blocks blocks) {
                  int last = below;
                  for (int repeat = 1; repeat <= blocks.count(); repeat++) {
                    last =
                        place(
                            blocks.block().steps(),
                            Scopes.block(scope, repeat),
                            last,
                            blocks.block(),
                            blocks.width(),
                            repeat == 1 ? blocks.stride() : 1,
                            blocks.origin());
                  }
                  return last;
                }
              });
      byOrigin.put(step.origin(), current);
    }
    return current;
  }

  /** A block's layer at the width and stride of its use. */
  private static LayerSpec resolve(
      String origin, LayerSpec layer, BlockSpec block, int width, int stride) {
    if (!(layer instanceof ConvLayerSpec conv)) {
      return layer;
    }
    int resolvedStride = conv.stride() == Conv.BLOCK_STRIDE ? stride : conv.stride();
    List<BankSpec> banks = conv.banks();
    if (block != null && width != block.width()) {
      try {
        banks =
            banks.stream()
                .map(b -> b.withFilters(block.scaledFilters(b.filters(), width)))
                .toList();
      } catch (IllegalArgumentException e) {
        throw new NetworkSpecException(
            NetworkSpecException.Kind.BLOCK_WIDTH, origin, e.getMessage());
      }
    }
    return new ConvLayerSpec(
        conv.size(), resolvedStride, conv.padding(), conv.activation(), banks, conv.bias());
  }

  private int shortcut(String scope, String origin, int main, int from, Projection projection) {
    Shortcuts.Plan plan = Shortcuts.plan(shapeOf(main), shapeOf(from), projection);
    if (plan instanceof Shortcuts.Identity) {
      return from;
    }
    if (plan instanceof Shortcuts.Mismatch) {
      throw new NetworkSpecException(
          NetworkSpecException.Kind.SHORTCUT_SHAPE,
          origin,
          scope
              + ": cannot add a "
              + shapeOf(from)
              + " shortcut to a "
              + shapeOf(main)
              + " output");
    }
    Shortcuts.Project project = (Shortcuts.Project) plan;
    ConvLayerSpec conv =
        new ConvLayerSpec(
            1,
            project.stride(),
            Padding.VALID,
            Activation.NONE,
            List.of(
                new LearnableBankSpec(
                    "projection", project.channels(), Initializer.GLOROT_UNIFORM)));
    int projected = append(scope + "/shortcut", origin, conv, List.of(from));
    if (projection == Projection.CONV_BN) {
      projected =
          append(
              scope + "/shortcut_bn",
              origin,
              new BatchNormLayerSpec(
                  "bn", PROJECTION_MOMENTUM, PROJECTION_EPSILON, Activation.NONE),
              List.of(projected));
    }
    return projected;
  }

  private int append(String scope, String origin, LayerSpec layer, List<Integer> inputs) {
    int below = inputs.get(0);
    if (layer instanceof BatchNormLayerSpec
        && below >= 0
        && nodes.get(below).layer() instanceof ConvLayerSpec conv
        && conv.activation() == Activation.NONE) {
      // β of the normalisation takes the place of the convolution's bias.
      Node convolution = nodes.get(below);
      nodes.set(
          below,
          convolution.withLayer(
              new ConvLayerSpec(
                  conv.size(),
                  conv.stride(),
                  conv.padding(),
                  conv.activation(),
                  conv.banks(),
                  false)));
    }
    nodes.add(new Node(scope, origin, layer, inputs));
    shapes.add(layer.outputShape(shapeOf(below)));
    return nodes.size() - 1;
  }

  private FeatureShape shapeOf(int index) {
    return index == Node.NETWORK_INPUT ? input : shapes.get(index);
  }
}
