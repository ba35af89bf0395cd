package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bank of Gabor filters, one for every combination of orientation, wavelength and phase: the bank
 * has {@code orientations x wavelengths.length x phases.length} filters, ordered with the
 * orientation varying slowest and the phase fastest. Each kernel equals OpenCV's {@code
 * cv::getGaborKernel} for the same parameters.
 *
 * <p>σ is either given directly ({@link #sigma()}) or derived from each wavelength and the
 * half-response spatial-frequency {@link #bandwidth()} in octaves: {@code σ = λ/π · sqrt(ln 2 / 2)
 * · (2^b + 1) / (2^b − 1)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Gabor {
  /**
   * Default of {@link #orientations()}; {@code GaborBankSpec.builder()} starts from these defaults
   * too.
   */
  int DEFAULT_ORIENTATIONS = 4;

  /** Default of {@link #wavelengths()}: one wavelength of this many pixels. */
  double DEFAULT_WAVELENGTH = 4.0;

  /** The even (cosine) phase, the first default of {@link #phases()}. */
  double EVEN_PHASE = 0.0;

  /** The odd (sine) phase, the second default of {@link #phases()}. */
  double ODD_PHASE = 90.0;

  /** Default of {@link #aspect()}. */
  double DEFAULT_ASPECT = 0.5;

  /** {@link #sigma()} when it is left out: σ is derived from the bandwidth. */
  double SIGMA_FROM_BANDWIDTH = Double.NaN;

  /** Default of {@link #bandwidth()}, in octaves. */
  double DEFAULT_BANDWIDTH = 1.0;

  /**
   * Number of orientations, evenly spaced over [0°, 180°). Ignored when {@link #angles()} lists
   * them.
   */
  int orientations() default DEFAULT_ORIENTATIONS;

  /** Explicit orientations θ in degrees; when set, {@link #orientations()} must be left out. */
  double[] angles() default {};

  /** Wavelengths λ of the sinusoid, in pixels. */
  double[] wavelengths() default {DEFAULT_WAVELENGTH};

  /** Phase offsets ψ in degrees: 0 gives the even (cosine) filter, 90 the odd (sine) one. */
  double[] phases() default {EVEN_PHASE, ODD_PHASE};

  /** Spatial aspect ratio γ: the envelope's σ across the stripes is σ/γ. */
  double aspect() default DEFAULT_ASPECT;

  /** Envelope standard deviation in pixels; leave out to derive it from {@link #bandwidth()}. */
  double sigma() default SIGMA_FROM_BANDWIDTH;

  /** Bandwidth in octaves, used only when {@link #sigma()} is left out. */
  double bandwidth() default DEFAULT_BANDWIDTH;

  /** How each kernel is scaled after it is computed. */
  Normalization normalization() default Normalization.ZERO_MEAN_UNIT_NORM;

  /** Which input channels each filter reads: all (SHARED, through their mean) or one (SINGLE). */
  ChannelCoverage coverage() default ChannelCoverage.SHARED;
}
