package io.gaborflow.core.gabor;

import io.gaborflow.core.annotation.GaborParameter;

/**
 * The parameters of one Gabor kernel, named as in {@code cv::getGaborKernel}, with angles in
 * degrees.
 *
 * @param size kernel height and width in pixels (odd)
 * @param sigma standard deviation σ of the Gaussian envelope along the stripes, in pixels
 * @param thetaDegrees orientation θ of the normal to the stripes
 * @param lambda wavelength λ of the sinusoid, in pixels
 * @param gamma spatial aspect ratio γ (the envelope's σ across is σ/γ)
 * @param psiDegrees phase offset ψ
 */
public record GaborParameters(
    int size, double sigma, double thetaDegrees, double lambda, double gamma, double psiDegrees) {

  /** Checks the size is odd and positive and σ, λ, γ positive. */
  public GaborParameters {
    if (size <= 0 || size % 2 == 0) {
      throw new IllegalArgumentException("Gabor kernel size must be odd and positive, got " + size);
    }
    requirePositive("sigma", sigma);
    requirePositive("lambda", lambda);
    requirePositive("gamma", gamma);
  }

  /** These parameters with {@code parameter} set to {@code value} (degrees for θ and ψ). */
  public GaborParameters with(GaborParameter parameter, double value) {
    return switch (parameter) {
      case THETA -> new GaborParameters(size, sigma, value, lambda, gamma, psiDegrees);
      case LAMBDA -> new GaborParameters(size, sigma, thetaDegrees, value, gamma, psiDegrees);
      case PSI -> new GaborParameters(size, sigma, thetaDegrees, lambda, gamma, value);
      case SIGMA -> new GaborParameters(size, value, thetaDegrees, lambda, gamma, psiDegrees);
      case GAMMA -> new GaborParameters(size, sigma, thetaDegrees, lambda, value, psiDegrees);
    };
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "Gabor " + name + " must be positive and finite, got " + value);
    }
  }
}
