package io.gaborflow.core.gabor;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.Normalization;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link io.gaborflow.core.annotation.Gabor} annotation declares, as a value: the lists of
 * orientations, wavelengths and phases whose product gives the bank's filters, and how each kernel
 * is normalised and spread over input channels.
 *
 * @param anglesDegrees orientations θ, in degrees
 * @param wavelengths wavelengths λ, in pixels
 * @param phasesDegrees phase offsets ψ, in degrees
 * @param aspect spatial aspect ratio γ
 * @param sigma envelope σ in pixels, or {@code NaN} to derive it from {@code bandwidth}
 * @param bandwidth bandwidth in octaves, used when {@code sigma} is {@code NaN}
 * @param limit keep only the first {@code limit} filters (0: all); how a bank is cut to an exact
 *     filter count when its lists do not multiply to it
 */
public record GaborBankSpec(
    List<Double> anglesDegrees,
    List<Double> wavelengths,
    List<Double> phasesDegrees,
    double aspect,
    double sigma,
    double bandwidth,
    Normalization normalization,
    ChannelCoverage coverage,
    int limit) {

  /** A bank without a filter limit: every combination of the lists. */
  public GaborBankSpec(
      List<Double> anglesDegrees,
      List<Double> wavelengths,
      List<Double> phasesDegrees,
      double aspect,
      double sigma,
      double bandwidth,
      Normalization normalization,
      ChannelCoverage coverage) {
    this(
        anglesDegrees,
        wavelengths,
        phasesDegrees,
        aspect,
        sigma,
        bandwidth,
        normalization,
        coverage,
        0);
  }

  /** Checks the lists are present and copies them. */
  public GaborBankSpec {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 (all filters) or more, got " + limit);
    }
    anglesDegrees = List.copyOf(anglesDegrees);
    wavelengths = List.copyOf(wavelengths);
    phasesDegrees = List.copyOf(phasesDegrees);
    Objects.requireNonNull(normalization, "normalization");
    Objects.requireNonNull(coverage, "coverage");
  }

  /** Orientations evenly spaced over [0°, 180°): 0, 180/n, 2·180/n, ... */
  public static List<Double> evenlySpacedAngles(int count) {
    List<Double> angles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      angles.add(180.0 * i / count);
    }
    return angles;
  }

  /** Filters in the bank: orientations x wavelengths x phases, or the limit when lower. */
  public int filterCount() {
    int all = anglesDegrees.size() * wavelengths.size() * phasesDegrees.size();
    return limit == 0 ? all : Math.min(limit, all);
  }

  /**
   * A bank with exactly {@code count} filters: the same wavelengths and phases, as few evenly
   * spaced orientations as give at least {@code count} filters, cut to the first {@code count}.
   */
  public GaborBankSpec withFilterCount(int count) {
    int perOrientation = wavelengths.size() * phasesDegrees.size();
    int orientations = (count + perOrientation - 1) / perOrientation;
    return new GaborBankSpec(
        evenlySpacedAngles(orientations),
        wavelengths,
        phasesDegrees,
        aspect,
        sigma,
        bandwidth,
        normalization,
        coverage,
        orientations * perOrientation == count ? 0 : count);
  }

  /** Whether σ is derived from each wavelength and the bandwidth rather than given. */
  public boolean sigmaFromBandwidth() {
    return Double.isNaN(sigma);
  }

  /** The parameters of every filter, orientation slowest, then wavelength, then phase. */
  public List<GaborParameters> filters(int size) {
    List<GaborParameters> filters = new ArrayList<>(filterCount());
    for (double theta : anglesDegrees) {
      for (double lambda : wavelengths) {
        double s = sigmaFromBandwidth() ? GaborKernel.sigmaFromBandwidth(lambda, bandwidth) : sigma;
        for (double psi : phasesDegrees) {
          filters.add(new GaborParameters(size, s, theta, lambda, aspect, psi));
        }
      }
    }
    return filters.subList(0, filterCount());
  }

  /**
   * Two filters of the bank that form a quadrature pair: the same orientation and wavelength, the
   * {@code odd} filter's phase 90° past the {@code even} one's.
   *
   * @param even the index of the filter of the lower phase, in {@link #filters} order
   * @param odd the index of its partner
   */
  public record QuadraturePair(int even, int odd) {}

  /**
   * The bank's quadrature pairs, in filter order: for each orientation and wavelength, each phase ψ
   * with a phase ψ + 90° (modulo 360°) beside it, every filter in at most one pair.
   */
  public List<QuadraturePair> quadraturePairs() {
    List<QuadraturePair> pairs = new ArrayList<>();
    int phases = phasesDegrees.size();
    int groups = anglesDegrees.size() * wavelengths.size();
    for (int group = 0; group < groups; group++) {
      boolean[] paired = new boolean[phases];
      for (int p = 0; p < phases; p++) {
        for (int q = 0; q < phases && !paired[p]; q++) {
          double apart = ((phasesDegrees.get(q) - phasesDegrees.get(p)) % 360 + 360) % 360;
          int even = group * phases + p;
          int odd = group * phases + q;
          boolean inBank = odd < filterCount() && even < filterCount();
          if (!paired[q] && q != p && Math.abs(apart - 90) < 1e-9 && inBank) {
            paired[p] = true;
            paired[q] = true;
            pairs.add(new QuadraturePair(even, odd));
          }
        }
      }
    }
    return pairs;
  }

  /** A builder with the defaults of {@code @Gabor}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a spec with the same defaults as the {@code @Gabor} annotation. */
  public static final class Builder {
    private List<Double> angles = evenlySpacedAngles(Gabor.DEFAULT_ORIENTATIONS);
    private List<Double> wavelengths = List.of(Gabor.DEFAULT_WAVELENGTH);
    private List<Double> phases = List.of(Gabor.EVEN_PHASE, Gabor.ODD_PHASE);
    private double aspect = Gabor.DEFAULT_ASPECT;
    private double sigma = Gabor.SIGMA_FROM_BANDWIDTH;
    private double bandwidth = Gabor.DEFAULT_BANDWIDTH;
    private Normalization normalization = Normalization.ZERO_MEAN_UNIT_NORM;
    private ChannelCoverage coverage = ChannelCoverage.SHARED;
    private int limit;

    private Builder() {}

    /** {@code count} orientations evenly spaced over 180 degrees. */
    public Builder orientations(int count) {
      this.angles = evenlySpacedAngles(count);
      return this;
    }

    /** These orientations, in degrees. */
    public Builder angles(double... degrees) {
      this.angles = boxed(degrees);
      return this;
    }

    /** Wavelengths λ in pixels. */
    public Builder wavelengths(double... pixels) {
      this.wavelengths = boxed(pixels);
      return this;
    }

    /** Phase offsets ψ in degrees. */
    public Builder phases(double... degrees) {
      this.phases = boxed(degrees);
      return this;
    }

    /** The spatial aspect ratio γ. */
    public Builder aspect(double gamma) {
      this.aspect = gamma;
      return this;
    }

    /** The envelope's standard deviation σ in pixels, for every wavelength. */
    public Builder sigma(double pixels) {
      this.sigma = pixels;
      return this;
    }

    /** σ from each wavelength and this bandwidth in octaves, instead of a fixed σ. */
    public Builder bandwidth(double octaves) {
      this.sigma = Gabor.SIGMA_FROM_BANDWIDTH;
      this.bandwidth = octaves;
      return this;
    }

    /** How each kernel is scaled. */
    public Builder normalization(Normalization normalization) {
      this.normalization = normalization;
      return this;
    }

    /** Which input channels each filter reads. */
    public Builder coverage(ChannelCoverage coverage) {
      this.coverage = coverage;
      return this;
    }

    /** Keep only the first {@code count} filters. */
    public Builder limit(int count) {
      this.limit = count;
      return this;
    }

    /** The bank. */
    public GaborBankSpec build() {
      return new GaborBankSpec(
          angles, wavelengths, phases, aspect, sigma, bandwidth, normalization, coverage, limit);
    }

    private static List<Double> boxed(double[] values) {
      List<Double> list = new ArrayList<>(values.length);
      for (double v : values) {
        list.add(v);
      }
      return list;
    }
  }
}
