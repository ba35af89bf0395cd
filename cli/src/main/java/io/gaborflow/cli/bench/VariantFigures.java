package io.gaborflow.cli.bench;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.ParameterCount;
import io.gaborflow.core.model.TrainingCost;
import io.gaborflow.tensorflow.train.Optimizer;

/**
 * What a variant costs, counted from its description: multiply-accumulates per training image by
 * kind, parameters, storage and the energy estimate.
 *
 * @param weightUpdate multiply-accumulates of the optimizer per image: per learnable weight 4 for
 *     Adam (two moments and the step) or 2 for momentum, once per batch
 * @param storageBytes the exported model with each fixed Gabor bank stored as its generator
 *     parameters (θ, λ, ψ, σ, γ per filter, 4 bytes each) instead of as a tensor, and every other
 *     weight as a 4-byte float
 * @param tensorBytes the same model with the fixed banks stored as ordinary kernels
 */
public record VariantFigures(
    long forward,
    long inputGradient,
    long filterGradient,
    long weightUpdate,
    long learnableParameters,
    long fixedParameters,
    long storageBytes,
    long tensorBytes,
    double picojoulesPerImage) {

  /** Multiply-accumulates per training image, all kinds together. */
  public long totalMacs() {
    return forward + inputGradient + filterGradient + weightUpdate;
  }

  /** The figures of {@code spec} trained with {@code optimizer} in batches of {@code batchSize}. */
  public static VariantFigures of(NetworkSpec spec, Optimizer optimizer, int batchSize) {
    TrainingCost cost = TrainingCost.of(spec);
    ParameterCount parameters = ParameterCount.of(spec);
    long learnable = parameters.learnable();
    int perWeight = optimizer.updateMacsPerWeight();
    long update = Math.round((double) learnable * perWeight / batchSize);
    long macs = cost.forward() + cost.inputGradient() + cost.filterGradient() + update;
    double energy =
        EnergyModel.picojoulesPerImage(macs, learnable, parameters.fixedKernelValues(), batchSize);
    return new VariantFigures(
        cost.forward(),
        cost.inputGradient(),
        cost.filterGradient(),
        update,
        learnable,
        parameters.fixed(),
        parameters.storageBytes(),
        parameters.tensorBytes(),
        energy);
  }
}
