package io.gaborflow.core.annotation;

/**
 * A parameter of a Gabor kernel, named as in {@code cv::getGaborKernel}, that a parametric bank can
 * learn ({@link Fixed#learn()}).
 */
public enum GaborParameter {
  /** The orientation θ of the normal to the stripes. */
  THETA,
  /** The wavelength λ of the sinusoid, kept positive. */
  LAMBDA,
  /** The phase offset ψ. */
  PSI,
  /** The standard deviation σ of the Gaussian envelope, kept positive. */
  SIGMA,
  /** The spatial aspect ratio γ, kept positive. */
  GAMMA
}
