package io.gaborflow.core.annotation;

/** What {@link Noise} adds to each response of a bank. */
public enum NoiseKind {
  /** Nothing: the bank is deterministic. */
  NONE,
  /** Independent Gaussian noise of standard deviation {@code scale}. */
  GAUSSIAN,
  /**
   * Poisson-like noise, as a neuron's spike count varies: Gaussian with variance {@code scale² ·
   * |response|}, so it grows with the response (VOneNet's stochastic stage, Dapello et al. 2020).
   */
  POISSON
}
