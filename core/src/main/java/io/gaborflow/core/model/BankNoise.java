package io.gaborflow.core.model;

import io.gaborflow.core.annotation.NoiseKind;

/**
 * The noise a fixed Gabor bank adds to its responses ({@link io.gaborflow.core.annotation.Noise}).
 *
 * @param kind what is added
 * @param scale the standard deviation (Gaussian) or the factor of the square root of the response
 *     (Poisson-like)
 */
public record BankNoise(NoiseKind kind, double scale) {
  /** No noise. */
  public static final BankNoise NONE = new BankNoise(NoiseKind.NONE, 1.0);

  /** Checks the scale. */
  public BankNoise {
    if (kind != NoiseKind.NONE && !validScale(scale)) {
      throw new IllegalArgumentException(kind + " noise needs a positive scale, got " + scale);
    }
  }

  /** Whether {@code scale} can scale noise: positive and finite. */
  public static boolean validScale(double scale) {
    return scale > 0 && Double.isFinite(scale);
  }

  /** Whether anything is added. */
  public boolean present() {
    return kind != NoiseKind.NONE;
  }
}
