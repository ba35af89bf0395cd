package io.gaborflow.core.model;

import io.gaborflow.core.annotation.ChannelCoverage;
import java.util.List;

/**
 * Multiply-accumulates per training image, counted from a network's shapes.
 *
 * <p>Forward: every convolution and dense layer as the paper counts it (a SHARED Gabor bank as
 * its channel mean plus one single-channel convolution). Input gradient: the same count for each
 * layer with a trained weight below it, nothing for the others. Filter gradient: learnable
 * kernels, and the kernels of parametric Gabor banks that learn the whole run (the gradient reaches
 * their parameters through the kernel; building the kernel from them is a few operations per
 * kernel value, left out); fixed banks have none (partially trained banks, of values or of
 * parameters, are counted as frozen, which they are in most epochs). Pooling, batch normalisation, additions and activations are left out: they
 * are not multiply-accumulates.
 */
public record TrainingCost(long forward, long inputGradient, long filterGradient) {

  /** The cost of one training image through {@code spec}. */
  public static TrainingCost of(NetworkSpec spec) {
    TrainingCost sum = new TrainingCost(0, 0, 0);
    for (TrainingCost node : perNode(spec)) {
      sum = new TrainingCost(sum.forward + node.forward, sum.inputGradient + node.inputGradient,
          sum.filterGradient + node.filterGradient);
    }
    return sum;
  }

  /** The cost of one training image in each node of {@code spec}, in node order. */
  public static List<TrainingCost> perNode(NetworkSpec spec) {
    List<Node> nodes = spec.nodes();
    List<TrainingCost> costs = new java.util.ArrayList<>(nodes.size());
    boolean[] trainedBelow = new boolean[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      long filterGradient = 0;
      Node node = nodes.get(i);
      boolean trainedInput = false;
      for (int in : node.inputs()) {
        trainedInput |= in != Node.NETWORK_INPUT && trainedBelow[in];
      }
      FeatureShape in = spec.shapeOf(node.input());
      FeatureShape out = spec.shapeOf(i);
      long layerForward = 0;
      boolean learnable = false;
      if (node.layer() instanceof ConvLayerSpec conv) {
        long perChannelFilter = (long) out.height() * out.width() * conv.size() * conv.size();
        for (BankSpec bank : conv.banks()) {
          long full = perChannelFilter * in.channels() * bank.filters();
          long convolution = full;
          if (bank instanceof FixedGaborBankSpec fixed && fixed.gabor().coverage() == ChannelCoverage.SHARED) {
            convolution = perChannelFilter * bank.filters();
            layerForward += convolution + (in.channels() > 1 ? (long) in.height() * in.width() * in.channels() : 0);
          } else {
            layerForward += full;
          }
          if (bank instanceof FixedGaborBankSpec fixed && fixed.parametric() && fixed.window() == null) {
            filterGradient += convolution;
            learnable = true;
          }
          if (bank instanceof LearnableBankSpec) {
            filterGradient += full;
            learnable = true;
          }
        }
      } else if (node.layer() instanceof DenseLayerSpec dense) {
        layerForward = (long) in.elements() * dense.units();
        filterGradient += layerForward;
        learnable = true;
      } else if (node.layer() instanceof BatchNormLayerSpec) {
        learnable = true;
      }
      costs.add(new TrainingCost(layerForward, trainedInput ? layerForward : 0, filterGradient));
      trainedBelow[i] = trainedInput || learnable;
    }
    return List.copyOf(costs);
  }

  /** Forward, input-gradient and filter-gradient multiply-accumulates together. */
  public long total() {
    return forward + inputGradient + filterGradient;
  }
}
