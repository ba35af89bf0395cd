package io.gaborflow.robustness.corruption;

import io.gaborflow.core.Seeds;
import io.gaborflow.robustness.corruption.Filters.Border;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The common corruptions of Hendrycks and Dietterich 2019 (CIFAR-10-C) that need no external
 * images, with the constants of their make_cifar_c.py at severities 1 to 5; severity 0 is the
 * identity. Each works on pixels in 0..1 before the model's own preprocessing, and ends as the
 * reference's files do: clipped to 0..1 and quantised to 8 bits. docs/robustness.md gives each
 * formula and where it departs from the reference.
 */
public enum Corruption {
  /** x + N(0, c²). */
  GAUSSIAN_NOISE(Kind.NOISE, 0.04, 0.06, 0.08, 0.09, 0.10) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(random);
      float[] out = p.pixels().clone();
      for (int i = 0; i < out.length; i++) {
        out[i] += (float) (c[0] * normal.sample());
      }
      return p.with(out);
    }
  },
  /** Poisson(x·c) / c: photon noise of c photons at full scale. */
  SHOT_NOISE(Kind.NOISE, 500, 250, 100, 75, 50) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      float[] out = p.pixels().clone();
      for (int i = 0; i < out.length; i++) {
        double mean = out[i] * c[0];
        out[i] = mean <= 0 ? 0 : (float) (PoissonSampler.of(random, mean).sample() / c[0]);
      }
      return p.with(out);
    }
  },
  /** Salt and pepper: a fraction c of the values, each channel apart, set to 0 or 1 evenly. */
  IMPULSE_NOISE(Kind.NOISE, 0.01, 0.02, 0.03, 0.05, 0.07) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      float[] out = p.pixels().clone();
      for (int i = 0; i < out.length; i++) {
        boolean flipped = random.nextDouble() < c[0];
        boolean salt = random.nextDouble() < 0.5;
        if (flipped) {
          out[i] = salt ? 1 : 0;
        }
      }
      return p.with(out);
    }
  },
  /** x + x·N(0, c²): noise in proportion to the signal. */
  SPECKLE_NOISE(Kind.NOISE, 0.06, 0.1, 0.12, 0.16, 0.2) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(random);
      float[] out = p.pixels().clone();
      for (int i = 0; i < out.length; i++) {
        out[i] += (float) (out[i] * c[0] * normal.sample());
      }
      return p.with(out);
    }
  },
  /** A Gaussian of σ = c pixels, truncated at 4σ, the edge pixel repeated (scikit-image's). */
  GAUSSIAN_BLUR(Kind.BLUR, 0.4, 0.6, 0.7, 0.8, 1) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return Filters.separable(p, Filters.gaussian(c[0], 4.0), Border.NEAREST);
    }
  },
  /**
   * A disk of radius c₀ pixels, anti-aliased by a 3x3 Gaussian of σ = c₁ (OpenCV's GaussianBlur),
   * the border mirrored (OpenCV's filter2D).
   */
  DEFOCUS_BLUR(
      Kind.BLUR, new double[][] {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}}) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return Filters.correlate(p, Filters.disk(c[0], c[1]), Border.REFLECT_101);
    }
  },
  /**
   * A Gaussian of σ = c₀, quantised to 8 bits, each pixel paired with one up to c₁ pixels away, c₂
   * times over, then the Gaussian again ({@link GlassBlur}).
   */
  GLASS_BLUR(
      Kind.BLUR,
      new double[][] {{0.05, 1, 1}, {0.25, 1, 1}, {0.4, 1, 1}, {0.25, 1, 2}, {0.4, 1, 2}}) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return GlassBlur.apply(p, c[0], (int) c[1], (int) c[2], random);
    }
  },
  /**
   * ImageMagick's motion blur of radius c₀ and σ = c₁ along a direction drawn uniformly from -45°
   * to 45° ({@link MotionBlur}).
   */
  MOTION_BLUR(Kind.BLUR, new double[][] {{6, 1}, {6, 1.5}, {6, 2}, {8, 2}, {9, 2.5}}) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return MotionBlur.apply(p, c[0], c[1], -45 + 90 * random.nextDouble());
    }
  },
  /**
   * The mean of the image and its zooms about the centre by 1, 1.01, ... below c (numpy's arange:
   * 7, 12, 16, 21 and 26 zooms), each linearly interpolated ({@link ZoomBlur}).
   */
  ZOOM_BLUR(Kind.BLUR, 1.06, 1.11, 1.16, 1.21, 1.26) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return ZoomBlur.apply(p, c[0]);
    }
  },
  /**
   * Flakes of brightness c₀ ± c₁ zoomed by c₂, those under c₃ removed, smeared by a motion blur of
   * radius c₄ and σ = c₅, over the image lifted towards grey by 1 - c₆ ({@link Snow}).
   */
  SNOW(
      Kind.WEATHER,
      new double[][] {
        {0.1, 0.2, 1, 0.6, 8, 3, 0.95},
        {0.1, 0.2, 1, 0.5, 10, 4, 0.9},
        {0.15, 0.3, 1.75, 0.55, 10, 4, 0.9},
        {0.25, 0.3, 2.25, 0.6, 12, 6, 0.85},
        {0.3, 0.3, 1.25, 0.65, 14, 12, 0.8}
      }) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return Snow.apply(p, c, random);
    }
  },
  /** (x - m)·c + m, m each channel's mean over the image. */
  CONTRAST(Kind.DIGITAL, 0.75, 0.5, 0.4, 0.3, 0.15) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      int channels = p.channels();
      double[] mean = new double[channels];
      float[] in = p.pixels();
      for (int i = 0; i < in.length; i++) {
        mean[i % channels] += in[i];
      }
      for (int ch = 0; ch < channels; ch++) {
        mean[ch] /= (double) in.length / channels;
      }
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        double m = mean[i % channels];
        out[i] = (float) ((in[i] - m) * c[0] + m);
      }
      return p.with(out);
    }
  },
  /** HSV value + c, clipped (for a grey image, the grey level + c). */
  BRIGHTNESS(Kind.WEATHER, 0.05, 0.1, 0.15, 0.2, 0.3) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      if (!p.colour()) {
        float[] out = p.pixels().clone();
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) Math.min(1, out[i] + c[0]);
        }
        return p.with(out);
      }
      return Hsv.edit(p, hsv -> new double[] {hsv[0], hsv[1], clip(hsv[2] + c[0])});
    }
  },
  /** HSV saturation · c₀ + c₁, clipped; colour images only. */
  SATURATE(Kind.DIGITAL, new double[][] {{0.3, 0}, {0.1, 0}, {1.5, 0}, {2, 0.1}, {2.5, 0.2}}) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return Hsv.edit(p, hsv -> new double[] {hsv[0], clip(hsv[1] * c[0] + c[1]), hsv[2]});
    }

    @Override
    public boolean appliesTo(int channels) {
      return channels == 3;
    }
  },
  /** Written as a JPEG of quality c and read back. */
  JPEG_COMPRESSION(Kind.DIGITAL, 80, 65, 58, 50, 40) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return JpegRoundTrip.of(p, (int) c[0]);
    }
  },
  /** Box-resized to c of its size (truncated) and back (Pillow's BOX filter). */
  PIXELATE(Kind.DIGITAL, 0.95, 0.9, 0.85, 0.75, 0.65) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      Picture small = BoxResize.resize(p, (int) (p.height() * c[0]), (int) (p.width() * c[0]));
      return BoxResize.resize(small, p.height(), p.width());
    }
  },
  /**
   * A random affine warp of three points by up to c₂ pixels, then each pixel moved by a random
   * field smoothed with σ = c₁ and scaled by c₀ (the reference's constants for 32 pixels, scaled to
   * the image's smaller side).
   */
  ELASTIC_TRANSFORM(
      Kind.DIGITAL,
      new double[][] {
        {0, 0, 32 * 0.08},
        {32 * 0.05, 32 * 0.2, 32 * 0.07},
        {32 * 0.08, 32 * 0.06, 32 * 0.06},
        {32 * 0.1, 32 * 0.04, 32 * 0.05},
        {32 * 0.1, 32 * 0.03, 32 * 0.03}
      }) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      return ElasticTransform.apply(p, c, random);
    }
  },
  /**
   * x + c₀·plasma (a diamond-square fractal of roughness c₁), rescaled by max / (max + c₀): a cloud
   * of brightness over the image.
   */
  FOG(Kind.WEATHER, new double[][] {{0.2, 3}, {0.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}}) {
    @Override
    Picture corrupt(Picture p, double[] c, UniformRandomProvider random) {
      int size = Integer.highestOneBit(Math.max(p.height(), p.width()) - 1) * 2;
      double[][] cloud = PlasmaFractal.of(Math.max(2, size), c[1], random);
      float[] in = p.pixels();
      double max = 0;
      for (float v : in) {
        max = Math.max(max, v);
      }
      float[] out = new float[in.length];
      int channels = p.channels();
      for (int i = 0; i < in.length; i++) {
        int pixel = i / channels;
        double fogged = in[i] + c[0] * cloud[pixel / p.width()][pixel % p.width()];
        out[i] = (float) (fogged * max / (max + c[0]));
      }
      return p.with(out);
    }
  };

  /** The families CIFAR-10-C groups its corruptions in. */
  public enum Kind {
    NOISE,
    BLUR,
    WEATHER,
    DIGITAL;

    /** The name in reports: {@code noise}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The highest severity. */
  public static final int SEVERITIES = 5;

  private final Kind kind;
  private final double[][] constants;

  Corruption(Kind kind, double... bySeverity) {
    this(kind, column(bySeverity));
  }

  Corruption(Kind kind, double[][] bySeverity) {
    this.kind = kind;
    this.constants = bySeverity;
  }

  /** The corruption's family. */
  public Kind kind() {
    return kind;
  }

  /** The name in reports and on the command line: {@code gaussian_noise}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The corruption named {@code id} ({@code gaussian_noise}), or an error listing them. */
  public static Corruption of(String id) {
    for (Corruption c : values()) {
      if (c.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    StringBuilder ids = new StringBuilder();
    for (Corruption c : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(c.id());
    }
    throw new IllegalArgumentException("no corruption '" + id + "'; there are " + ids);
  }

  /** Whether the corruption is defined for images of {@code channels} channels. */
  public boolean appliesTo(int channels) {
    return true;
  }

  /**
   * {@code picture} corrupted at {@code severity} (0 to {@link #SEVERITIES}); the noise of test
   * image {@code image} under run seed {@code seed} is always the same ({@link Seeds#corruption}).
   */
  public Picture apply(Picture picture, int severity, long seed, int image) {
    if (severity < 0 || severity > SEVERITIES) {
      throw new IllegalArgumentException(
          id() + ": severity " + severity + " is not in 0.." + SEVERITIES);
    }
    if (!appliesTo(picture.channels())) {
      throw new IllegalArgumentException(
          id() + " needs a colour image; this one has " + picture.channels() + " channel(s)");
    }
    if (severity == 0) {
      return picture;
    }
    UniformRandomProvider random =
        RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.corruption(seed, id(), severity, image));
    Picture corrupted = corrupt(picture, constants[severity - 1], random);
    float[] out = corrupted.pixels();
    for (int i = 0; i < out.length; i++) {
      out[i] = Picture.eightBits(out[i]);
    }
    return corrupted;
  }

  abstract Picture corrupt(Picture picture, double[] constants, UniformRandomProvider random);

  /** The reference's constants at {@code severity} (1 to {@link #SEVERITIES}). */
  double[] constants(int severity) {
    return constants[severity - 1].clone();
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static double[][] column(double[] values) {
    double[][] column = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      column[i] = new double[] {values[i]};
    }
    return column;
  }
}
