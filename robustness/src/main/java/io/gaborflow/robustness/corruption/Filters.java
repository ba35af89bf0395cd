package io.gaborflow.robustness.corruption;

/** The linear filters of the blur corruptions, per channel, with the reference's border rules. */
final class Filters {
  private Filters() {}

  /** How a filter reads beyond the image's edge. */
  enum Border {
    /** The edge pixel repeated: scipy.ndimage's 'nearest'. */
    NEAREST,
    /** Mirrored without repeating the edge: OpenCV's default, BORDER_REFLECT_101. */
    REFLECT_101,
    /** Mirrored with the edge repeated (d c b a | a b c d): scipy.ndimage's 'reflect'. */
    REFLECT;

    int index(int i, int size) {
      if (size == 1) {
        return 0;
      }
      return switch (this) {
        case NEAREST -> Math.max(0, Math.min(size - 1, i));
        case REFLECT_101 -> {
          int period = 2 * (size - 1);
          int m = Math.floorMod(i, period);
          yield m < size ? m : period - m;
        }
        case REFLECT -> {
          int m = Math.floorMod(i, 2 * size);
          yield m < size ? m : 2 * size - 1 - m;
        }
      };
    }
  }

  /**
   * scipy.ndimage.gaussian_filter1d's weights: exp(-x²/2σ²) for |x| up to {@code truncate}·σ
   * rounded, normalised to sum 1.
   */
  static double[] gaussian(double sigma, double truncate) {
    int radius = (int) (truncate * sigma + 0.5);
    double[] weights = new double[2 * radius + 1];
    double sum = 0;
    for (int x = -radius; x <= radius; x++) {
      weights[x + radius] = Math.exp(-0.5 * x * x / (sigma * sigma));
      sum += weights[x + radius];
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= sum;
    }
    return weights;
  }

  /** {@code kernel} along rows, then along columns, of every channel. */
  static Picture separable(Picture picture, double[] kernel, Border border) {
    double[][] outer = new double[kernel.length][kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      for (int j = 0; j < kernel.length; j++) {
        outer[i][j] = kernel[i] * kernel[j];
      }
    }
    return correlate(picture, outer, border);
  }

  /**
   * The value of channel {@code c} at the real position ({@code y}, {@code x}), interpolated
   * between its four neighbours, which {@code border} finds beyond the edge.
   */
  static double bilinear(Picture picture, double y, double x, int c, Border border) {
    int y0 = (int) Math.floor(y);
    int x0 = (int) Math.floor(x);
    double fy = y - y0;
    double fx = x - x0;
    int h = picture.height();
    int w = picture.width();
    int ya = border.index(y0, h);
    int yb = border.index(y0 + 1, h);
    int xa = border.index(x0, w);
    int xb = border.index(x0 + 1, w);
    return (1 - fy) * ((1 - fx) * picture.at(ya, xa, c) + fx * picture.at(ya, xb, c))
        + fy * ((1 - fx) * picture.at(yb, xa, c) + fx * picture.at(yb, xb, c));
  }

  /** The 2-D correlation of every channel with {@code kernel} (odd square), centred. */
  static Picture correlate(Picture picture, double[][] kernel, Border border) {
    int h = picture.height();
    int w = picture.width();
    int channels = picture.channels();
    int radius = kernel.length / 2;
    float[] out = new float[picture.pixels().length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int dy = -radius; dy <= radius; dy++) {
            int sy = border.index(y + dy, h);
            double[] row = kernel[dy + radius];
            for (int dx = -radius; dx <= radius; dx++) {
              double k = row[dx + radius];
              if (k != 0) {
                sum += k * picture.at(sy, border.index(x + dx, w), c);
              }
            }
          }
          out[(y * w + x) * channels + c] = (float) sum;
        }
      }
    }
    return picture.with(out);
  }

  /** make_cifar_c.py's disk: the pixels within {@code radius} of the centre, then anti-aliased. */
  static double[][] disk(double radius, double aliasBlur) {
    int half = 8;
    int size = 2 * half + 1;
    double[][] disk = new double[size][size];
    double total = 0;
    for (int y = -half; y <= half; y++) {
      for (int x = -half; x <= half; x++) {
        if (x * x + y * y <= radius * radius) {
          disk[y + half][x + half] = 1;
          total++;
        }
      }
    }
    for (double[] row : disk) {
      for (int x = 0; x < size; x++) {
        row[x] /= total;
      }
    }
    double[] g = new double[3];
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      g[i] = Math.exp(-((i - 1) * (i - 1)) / (2 * aliasBlur * aliasBlur));
      sum += g[i];
    }
    for (int i = 0; i < 3; i++) {
      g[i] /= sum;
    }
    float[] values = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        values[y * size + x] = (float) disk[y][x];
      }
    }
    Picture blurred = Filters.separable(new Picture(size, size, 1, values), g, Border.REFLECT_101);
    double[][] kernel = new double[size][size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        kernel[y][x] = blurred.at(y, x, 0);
      }
    }
    return kernel;
  }
}
