package io.gaborflow.core.model;

import io.gaborflow.core.annotation.ChannelCoverage;
import java.util.List;

/**
 * Multiply-accumulates per training image, counted from a network's shapes.
 *
 * <p>Forward: every convolution and dense layer as the paper counts it (a SHARED Gabor bank as its
 * channel mean plus one single-channel convolution). Input gradient: the same count for each layer
 * with a trained weight below it, nothing for the others. Filter gradient: learnable kernels, and
 * the kernels of parametric Gabor banks that learn the whole run (the gradient reaches their
 * parameters through the kernel; building the kernel from them is a few operations per kernel
 * value, left out), and the 1x1 mixing of a Gabor basis bank (a basis bank is counted as declared,
 * its depthwise basis convolution then the mixing, though the graph runs it as one convolution of
 * the kernel they compose); fixed banks have none (partially trained banks, of values or of
 * parameters, are counted as frozen, which they are in most epochs). Pooling, batch normalisation,
 * additions and activations are left out: they are not multiply-accumulates.
 */
public record TrainingCost(long forward, long inputGradient, long filterGradient) {

  /** The cost of one training image through {@code spec}. */
  public static TrainingCost of(NetworkSpec spec) {
    TrainingCost sum = new TrainingCost(0, 0, 0);
    for (TrainingCost node : perNode(spec)) {
      sum =
          new TrainingCost(
              sum.forward + node.forward,
              sum.inputGradient + node.inputGradient,
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
      Node node = nodes.get(i);
      boolean trainedInput = false;
      for (int in : node.inputs()) {
        trainedInput |= in != Node.NETWORK_INPUT && trainedBelow[in];
      }
      LayerCost layer =
          node.layer().accept(new LayerCosts(spec.shapeOf(node.input()), spec.shapeOf(i)));
      costs.add(
          new TrainingCost(
              layer.forward(), trainedInput ? layer.forward() : 0, layer.filterGradient()));
      trainedBelow[i] = trainedInput || layer.learns();
    }
    return List.copyOf(costs);
  }

  /** One layer's forward and filter-gradient work, and whether it holds a trained weight. */
  private record LayerCost(long forward, long filterGradient, boolean learns) {
    static final LayerCost NONE = new LayerCost(0, 0, false);
  }

  private record LayerCosts(FeatureShape in, FeatureShape out) implements LayerVisitor<LayerCost> {
    @Override
    public LayerCost conv(ConvLayerSpec conv) {
      long perChannelFilter = (long) out.height() * out.width() * conv.size() * conv.size();
      long forward = 0;
      long filterGradient = 0;
      boolean learns = false;
      for (BankSpec bank : conv.banks()) {
        long full = perChannelFilter * in.channels() * bank.filters();
        BankCost cost =
            bank.accept(
                new BankVisitor<BankCost>() {
                  @Override
                  public BankCost gabor(FixedGaborBankSpec gabor) {
                    boolean shared = gabor.gabor().coverage() == ChannelCoverage.SHARED;
                    long kernels = gabor.kernels();
                    long convolution = perChannelFilter * kernels * (shared ? 1 : in.channels());
                    long mean =
                        shared && in.channels() > 1
                            ? (long) in.height() * in.width() * in.channels()
                            : 0;
                    boolean trainsAllRun = gabor.parametric() && gabor.window() == null;
                    return new BankCost(
                        convolution + mean, trainsAllRun ? convolution : 0, trainsAllRun);
                  }

                  @Override
                  public BankCost tensor(FixedTensorBankSpec tensor) {
                    return new BankCost(full, 0, false);
                  }

                  @Override
                  public BankCost learnable(LearnableBankSpec learnable) {
                    return new BankCost(full, full, true);
                  }

                  @Override
                  public BankCost basis(GaborBasisBankSpec basis) {
                    long pixels = (long) out.height() * out.width();
                    long mixed = basis.mixedChannels(in.channels());
                    long depthwise = pixels * conv.size() * conv.size() * mixed;
                    long mixing = pixels * mixed * basis.filters();
                    return new BankCost(depthwise + mixing, mixing, true);
                  }
                });
        forward += cost.forward();
        filterGradient += cost.filterGradient();
        learns |= cost.learns();
      }
      return new LayerCost(forward, filterGradient, learns);
    }

    @Override
    public LayerCost dense(DenseLayerSpec dense) {
      long forward = (long) in.elements() * dense.units();
      return new LayerCost(forward, forward, true);
    }

    @Override
    public LayerCost batchNorm(BatchNormLayerSpec norm) {
      return new LayerCost(0, 0, true);
    }

    @Override
    public LayerCost pool(PoolLayerSpec pool) {
      return LayerCost.NONE;
    }

    @Override
    public LayerCost dropout(DropoutLayerSpec dropout) {
      return LayerCost.NONE;
    }

    @Override
    public LayerCost flatten(FlattenLayerSpec flatten) {
      return LayerCost.NONE;
    }

    @Override
    public LayerCost globalAvgPool(GlobalAvgPoolLayerSpec pool) {
      return LayerCost.NONE;
    }

    @Override
    public LayerCost add(AddLayerSpec add) {
      return LayerCost.NONE;
    }
  }

  private record BankCost(long forward, long filterGradient, boolean learns) {}

  /** Forward, input-gradient and filter-gradient multiply-accumulates together. */
  public long total() {
    return forward + inputGradient + filterGradient;
  }
}
