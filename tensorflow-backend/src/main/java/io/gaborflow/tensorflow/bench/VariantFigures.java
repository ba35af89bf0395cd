package io.gaborflow.tensorflow.bench;

import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.TrainingCost;
import io.gaborflow.tensorflow.train.OptimizerKind;

/**
 * What a variant costs, counted from its built graph: multiply-accumulates per training image by
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
    long forward, long inputGradient, long filterGradient, long weightUpdate,
    long learnableParameters, long fixedParameters, long storageBytes, long tensorBytes, double picojoulesPerImage) {

  public long totalMacs() {
    return forward + inputGradient + filterGradient + weightUpdate;
  }

  public static VariantFigures of(BuiltNetwork network, OptimizerKind optimizer, int batchSize) {
    TrainingCost cost = network.cost();
    long learnable = network.learnableParameters();
    int perWeight = optimizer == OptimizerKind.ADAM ? 4 : 2;
    long update = Math.round((double) learnable * perWeight / batchSize);
    long generatorValues = 0;
    long kernelValues = 0;
    long sourcedWeights = 0;
    for (FixedBank bank : network.fixedBanks()) {
      if (bank.gabor() != null) {
        generatorValues += 5L * bank.filterCount();
      } else {
        sourcedWeights += bank.weights();
      }
      kernelValues += bank.values().length;
    }
    long storage = 4 * (learnable + generatorValues + sourcedWeights);
    long tensors = 4 * (learnable + network.fixedParameters());
    long macs = cost.forward() + cost.inputGradient() + cost.filterGradient() + update;
    double energy = EnergyModel.picojoulesPerImage(macs, learnable, kernelValues, batchSize);
    return new VariantFigures(cost.forward(), cost.inputGradient(), cost.filterGradient(), update, learnable,
        network.fixedParameters(), storage, tensors, energy);
  }
}
