package io.gaborflow.core.model;

import io.gaborflow.core.annotation.ChannelCoverage;
import java.util.List;

/**
 * What a network holds, counted from its description.
 *
 * @param learnable weights, biases, batch-normalisation scales and offsets, and the Gabor
 *     parameters of parametric banks: every value the optimizer updates
 * @param fixed weights of the fixed banks (partially trained ones included), counted as the
 *     ordinary {@code [k, k, Cin, n]} kernels a hand-wired frozen convolution would hold (a Gabor
 *     basis as the {@code [k, k, Cin, basis kernels]} kernel of its depthwise convolution)
 * @param moving batch normalisation's moving means and variances: updated while training, not by
 *     the optimizer
 * @param gaborFilters filters of the fixed and parametric Gabor banks, each stored as its five
 *     generator parameters
 * @param sourcedWeights weights stored as tensors though not learnable: fixed banks from a filter
 *     source, and Gabor banks whose values train for some epochs (no longer Gabor kernels after)
 * @param fixedKernelValues values of the fixed kernels as the graph holds them ({@code [k, k, 1,
 *     n]} for a SHARED Gabor bank)
 * @param learnedGaborParameters the per-filter Gabor parameters that parametric banks learn
 *     (counted in {@code learnable} too; stored among the generator parameters)
 */
public record ParameterCount(
    long learnable,
    long fixed,
    long moving,
    long gaborFilters,
    long sourcedWeights,
    long fixedKernelValues,
    long learnedGaborParameters) {
  private static final ParameterCount NONE = new ParameterCount(0, 0, 0, 0, 0, 0, 0);

  /** Bytes per stored value (float32). */
  public static final int BYTES_PER_VALUE = 4;

  /** Generator parameters per Gabor filter: θ, λ, ψ, σ and γ. */
  public static final int GABOR_PARAMETERS = 5;

  /** What all of {@code spec} holds. */
  public static ParameterCount of(NetworkSpec spec) {
    ParameterCount sum = NONE;
    for (ParameterCount node : perNode(spec)) {
      sum = sum.plus(node);
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
    Node node = spec.nodes().get(i);
    FeatureShape in = spec.shapeOf(node.input());
    return node.layer()
        .accept(
            new LayerVisitor<ParameterCount>() {
              @Override
              public ParameterCount conv(ConvLayerSpec conv) {
                ParameterCount sum = NONE;
                for (BankSpec bank : conv.banks()) {
                  sum = sum.plus(ofBank(conv, in.channels(), bank));
                }
                return sum;
              }

              @Override
              public ParameterCount dense(DenseLayerSpec dense) {
                return NONE.withLearnable(((long) in.elements() + 1) * dense.units());
              }

              @Override
              public ParameterCount batchNorm(BatchNormLayerSpec norm) {
                return new ParameterCount(
                    (long) BatchNormLayerSpec.LEARNED_PER_CHANNEL * in.channels(),
                    0,
                    (long) BatchNormLayerSpec.MOVING_PER_CHANNEL * in.channels(),
                    0,
                    0,
                    0,
                    0);
              }

              @Override
              public ParameterCount pool(PoolLayerSpec pool) {
                return NONE;
              }

              @Override
              public ParameterCount dropout(DropoutLayerSpec dropout) {
                return NONE;
              }

              @Override
              public ParameterCount flatten(FlattenLayerSpec flatten) {
                return NONE;
              }

              @Override
              public ParameterCount globalAvgPool(GlobalAvgPoolLayerSpec pool) {
                return NONE;
              }

              @Override
              public ParameterCount add(AddLayerSpec add) {
                return NONE;
              }
            });
  }

  private static ParameterCount ofBank(ConvLayerSpec conv, int inChannels, BankSpec bank) {
    long weights = (long) conv.size() * conv.size() * inChannels * bank.filters();
    return bank.accept(
        new BankVisitor<ParameterCount>() {
          @Override
          public ParameterCount gabor(FixedGaborBankSpec gabor) {
            // Complex cells are outputs without kernels: count the kernels, not the outputs.
            int kernels = gabor.kernels();
            long gaborWeights = (long) conv.size() * conv.size() * inChannels * kernels;
            long kernelValues =
                gabor.gabor().coverage() == ChannelCoverage.SHARED
                    ? (long) conv.size() * conv.size() * kernels
                    : gaborWeights;
            long learned = (long) gabor.learned().size() * kernels;
            if (gabor.window() != null && !gabor.parametric()) {
              // Trained values are no longer Gabor kernels: they are stored as the tensor.
              return new ParameterCount(0, gaborWeights, 0, 0, gaborWeights, kernelValues, 0);
            }
            return new ParameterCount(learned, gaborWeights, 0, kernels, 0, kernelValues, learned);
          }

          @Override
          public ParameterCount tensor(FixedTensorBankSpec tensor) {
            return new ParameterCount(0, weights, 0, 0, weights, weights, 0);
          }

          @Override
          public ParameterCount learnable(LearnableBankSpec learnable) {
            return NONE.withLearnable(weights + (conv.bias() ? bank.filters() : 0));
          }

          @Override
          public ParameterCount basis(GaborBasisBankSpec basis) {
            long mixing = (long) basis.mixedChannels(inChannels) * basis.filters();
            // The depthwise kernel holds the basis once per input channel.
            long depthwise = (long) conv.size() * conv.size() * basis.mixedChannels(inChannels);
            return new ParameterCount(
                mixing + (conv.bias() ? basis.filters() : 0),
                depthwise,
                0,
                basis.basisKernels(),
                0,
                depthwise,
                0);
          }
        });
  }

  private ParameterCount plus(ParameterCount o) {
    return new ParameterCount(
        learnable + o.learnable,
        fixed + o.fixed,
        moving + o.moving,
        gaborFilters + o.gaborFilters,
        sourcedWeights + o.sourcedWeights,
        fixedKernelValues + o.fixedKernelValues,
        learnedGaborParameters + o.learnedGaborParameters);
  }

  private ParameterCount withLearnable(long values) {
    return new ParameterCount(
        values,
        fixed,
        moving,
        gaborFilters,
        sourcedWeights,
        fixedKernelValues,
        learnedGaborParameters);
  }

  /** The exported model with each Gabor bank stored as its generator parameters. */
  public long storageBytes() {
    return BYTES_PER_VALUE
        * (learnable
            - learnedGaborParameters
            + moving
            + GABOR_PARAMETERS * gaborFilters
            + sourcedWeights);
  }

  /** The same model with the fixed banks stored as ordinary kernels. */
  public long tensorBytes() {
    return BYTES_PER_VALUE * (learnable - learnedGaborParameters + moving + fixed);
  }
}
