package io.gaborflow.core.model;

import io.gaborflow.core.annotation.ChannelCoverage;
import java.util.List;

/**
 * What a network holds, counted from its description.
 *
 * @param learnable weights, biases and batch-normalisation scales and offsets trained every epoch
 * @param fixed weights of the fixed banks (partially trained ones included), counted as the
 *     ordinary {@code [k, k, Cin, n]} kernels a hand-wired frozen convolution would hold
 * @param moving batch normalisation's moving means and variances: updated while training, not by
 *     the optimizer
 * @param gaborFilters filters of the Gabor banks, each stored as its five generator parameters
 * @param sourcedWeights weights of fixed banks from a filter source, stored as tensors
 * @param fixedKernelValues values of the fixed kernels as the graph holds them ({@code [k, k, 1,
 *     n]} for a SHARED Gabor bank)
 */
public record ParameterCount(
    long learnable, long fixed, long moving, long gaborFilters, long sourcedWeights, long fixedKernelValues) {

  /** Bytes per stored value (float32). */
  public static final int BYTES_PER_VALUE = 4;

  /** Generator parameters per Gabor filter: θ, λ, ψ, σ and γ. */
  public static final int GABOR_PARAMETERS = 5;

  /** What all of {@code spec} holds. */
  public static ParameterCount of(NetworkSpec spec) {
    ParameterCount sum = new ParameterCount(0, 0, 0, 0, 0, 0);
    for (ParameterCount node : perNode(spec)) {
      sum = new ParameterCount(sum.learnable + node.learnable, sum.fixed + node.fixed, sum.moving + node.moving,
          sum.gaborFilters + node.gaborFilters, sum.sourcedWeights + node.sourcedWeights,
          sum.fixedKernelValues + node.fixedKernelValues);
    }
    return sum;
  }

  /** What each node of {@code spec} holds, in node order. */
  public static List<ParameterCount> perNode(NetworkSpec spec) {
    List<ParameterCount> counts = new java.util.ArrayList<>(spec.nodes().size());
    for (int i = 0; i < spec.nodes().size(); i++) {
      counts.add(ofNode(spec, i));
    }
    return List.copyOf(counts);
  }

  private static ParameterCount ofNode(NetworkSpec spec, int i) {
    long learnable = 0;
    long fixed = 0;
    long moving = 0;
    long gaborFilters = 0;
    long sourced = 0;
    long kernelValues = 0;
    Node node = spec.nodes().get(i);
    FeatureShape in = spec.shapeOf(node.input());
    if (node.layer() instanceof ConvLayerSpec conv) {
      long perFilter = (long) conv.size() * conv.size() * in.channels();
      for (BankSpec bank : conv.banks()) {
        long weights = perFilter * bank.filters();
        if (bank instanceof LearnableBankSpec) {
          learnable += weights + (conv.bias() ? bank.filters() : 0);
        } else {
          fixed += weights;
          if (bank instanceof FixedGaborBankSpec gabor) {
            gaborFilters += bank.filters();
            kernelValues += gabor.gabor().coverage() == ChannelCoverage.SHARED
                ? (long) conv.size() * conv.size() * bank.filters() : weights;
          } else {
            sourced += weights;
            kernelValues += weights;
          }
        }
      }
    } else if (node.layer() instanceof DenseLayerSpec dense) {
      learnable += ((long) in.elements() + 1) * dense.units();
    } else if (node.layer() instanceof BatchNormLayerSpec) {
      learnable += (long) BatchNormLayerSpec.LEARNED_PER_CHANNEL * in.channels();
      moving += (long) BatchNormLayerSpec.MOVING_PER_CHANNEL * in.channels();
    }
    return new ParameterCount(learnable, fixed, moving, gaborFilters, sourced, kernelValues);
  }

  /** The exported model with each Gabor bank stored as its generator parameters. */
  public long storageBytes() {
    return BYTES_PER_VALUE * (learnable + moving + GABOR_PARAMETERS * gaborFilters + sourcedWeights);
  }

  /** The same model with the fixed banks stored as ordinary kernels. */
  public long tensorBytes() {
    return BYTES_PER_VALUE * (learnable + moving + fixed);
  }
}
