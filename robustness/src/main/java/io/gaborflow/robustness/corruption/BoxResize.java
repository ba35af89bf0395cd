package io.gaborflow.robustness.corruption;

/**
 * Pillow's resize with its BOX filter: each output pixel the mean of the input pixels whose centres
 * fall in its footprint (one pixel, the nearest, when enlarging).
 */
final class BoxResize {
  private BoxResize() {}

  static Picture resize(Picture picture, int height, int width) {
    double[][] rows = weights(picture.height(), height);
    double[][] columns = weights(picture.width(), width);
    int channels = picture.channels();
    float[] out = new float[height * width * channels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int sy = 0; sy < picture.height(); sy++) {
            if (rows[y][sy] == 0) {
              continue;
            }
            for (int sx = 0; sx < picture.width(); sx++) {
              if (columns[x][sx] != 0) {
                sum += rows[y][sy] * columns[x][sx] * picture.at(sy, sx, c);
              }
            }
          }
          out[(y * width + x) * channels + c] = (float) sum;
        }
      }
    }
    return new Picture(height, width, channels, out);
  }

  /** Per output index, the normalised weight of each input index (Pillow's precompute_coeffs). */
  private static double[][] weights(int in, int out) {
    double scale = (double) in / out;
    double filterScale = Math.max(1, scale);
    double support = 0.5 * filterScale;
    double[][] weights = new double[out][in];
    for (int o = 0; o < out; o++) {
      double centre = (o + 0.5) * scale;
      int min = Math.max(0, (int) (centre - support + 0.5));
      int max = Math.min(in, (int) (centre + support + 0.5));
      double total = 0;
      for (int i = min; i < max; i++) {
        double t = (i - centre + 0.5) / filterScale;
        double w = t > -0.5 && t <= 0.5 ? 1 : 0;
        weights[o][i] = w;
        total += w;
      }
      for (int i = min; i < max; i++) {
        weights[o][i] /= total;
      }
    }
    return weights;
  }
}
