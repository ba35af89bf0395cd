package io.gaborflow.tensorflow.graph;

/**
 * Multiply-accumulates per training image, counted from the graph's shapes as it is built.
 *
 * <p>Forward: every convolution and dense layer as TensorFlow computes it (a SHARED Gabor bank as
 * its channel mean plus one single-channel convolution). Input gradient: the same count for each
 * layer that has something learnable below it, nothing for the first. Filter gradient: learnable
 * kernels only; fixed banks have none (partially trained banks are counted as frozen, which they
 * are in most epochs). Pooling and activations are left out: they are not multiply-accumulates.
 */
public record TrainingCost(long forward, long inputGradient, long filterGradient) {
  public TrainingCost plus(long forwardMacs, long inputGradientMacs, long filterGradientMacs) {
    return new TrainingCost(forward + forwardMacs, inputGradient + inputGradientMacs, filterGradient + filterGradientMacs);
  }
}
