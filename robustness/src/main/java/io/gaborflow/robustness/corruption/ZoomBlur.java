package io.gaborflow.robustness.corruption;

import io.gaborflow.robustness.corruption.Filters.Border;

/**
 * make_cifar_c.py's zoom blur: the image averaged with copies of itself zoomed in about its centre
 * by factors 1, 1.01, ... up to a severity's limit, each zoom a centred crop enlarged by linear
 * interpolation (scipy.ndimage.zoom with order 1, which maps the crop's first and last pixel
 * centres onto the enlarged image's) and trimmed back to the image's size.
 */
final class ZoomBlur {
  private static final double STEP = 0.01;

  private ZoomBlur() {}

  /**
   * The zoom factors of numpy.arange(1, stop, 0.01): its count is ceil((stop - 1) / 0.01) and its
   * i-th value 1 + i·((1 + 0.01) - 1), so that the reference's rounding decides, as it did for the
   * published files, whether {@code stop} itself is among them.
   */
  static double[] factors(double stop) {
    int count = (int) Math.ceil((stop - 1) / STEP);
    double delta = (1 + STEP) - 1;
    double[] factors = new double[count];
    for (int i = 0; i < count; i++) {
      factors[i] = 1 + i * delta;
    }
    return factors;
  }

  /** (x + Σ zoom(x, f)) / (n + 1) over the n {@link #factors} below {@code stop}, in float32. */
  static Picture apply(Picture picture, double stop) {
    float[] in = picture.pixels();
    float[] sum = new float[in.length];
    double[] factors = factors(stop);
    for (double factor : factors) {
      double[] zoomed = clippedZoom(picture, factor);
      for (int i = 0; i < sum.length; i++) {
        // The reference zooms a float32 image: each zoom is stored as float32, then summed.
        sum[i] += (float) zoomed[i];
      }
    }
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (in[i] + sum[i]) / (factors.length + 1);
    }
    return picture.with(out);
  }

  /** The image zoomed in by {@code factor} about its centre, at its own size. */
  static double[] clippedZoom(Picture picture, double factor) {
    double[] rows = sourcePositions(picture.height(), factor);
    double[] columns = sourcePositions(picture.width(), factor);
    int channels = picture.channels();
    double[] out = new double[picture.pixels().length];
    for (int y = 0; y < picture.height(); y++) {
      for (int x = 0; x < picture.width(); x++) {
        for (int c = 0; c < channels; c++) {
          // Positions never pass the crop's last pixel, where the next one has weight 0.
          out[(y * picture.width() + x) * channels + c] =
              Filters.bilinear(picture, rows[y], columns[x], c, Border.NEAREST);
        }
      }
    }
    return out;
  }

  /**
   * Where each output pixel along one axis reads the input: the centred crop of ceil(size / factor)
   * pixels is enlarged to round(crop · factor) (half to even, as numpy rounds) with its first and
   * last pixel centres in place, and the centre {@code size} pixels of that are kept.
   */
  private static double[] sourcePositions(int size, double factor) {
    int crop = (int) Math.ceil(size / factor);
    int start = (size - crop) / 2;
    int zoomed = (int) Math.rint(crop * factor);
    double scale = zoomed > 1 ? (crop - 1) / (double) (zoomed - 1) : 1;
    int trim = (zoomed - size) / 2;
    double[] positions = new double[size];
    for (int o = 0; o < size; o++) {
      positions[o] = start + Math.min((o + trim) * scale, crop - 1);
    }
    return positions;
  }
}
