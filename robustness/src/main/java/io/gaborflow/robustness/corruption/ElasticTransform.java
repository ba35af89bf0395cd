package io.gaborflow.robustness.corruption;

import io.gaborflow.robustness.corruption.Filters.Border;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * make_cifar_c.py's elastic transform: a random affine warp of three control points, then every
 * pixel displaced by a smoothed random field, both sampled bilinearly.
 */
final class ElasticTransform {
  private ElasticTransform() {}

  /**
   * {@code p} transformed with the reference's constants for a 32-pixel image, scaled to {@code
   * p}'s smaller side: c₀ the field's strength, c₁ its smoothing σ, c₂ the control points' largest
   * shift, in pixels.
   */
  static Picture apply(Picture p, double[] c, UniformRandomProvider random) {
    int h = p.height();
    int w = p.width();
    double scale = Math.min(h, w) / 32.0;
    double strength = c[0] * scale;
    double smoothing = c[1] * scale;
    double shift = c[2] * scale;
    Picture warped = affine(p, shift, random);
    double[] dx = field(h, w, smoothing, strength, random);
    double[] dy = field(h, w, smoothing, strength, random);
    float[] out = new float[p.pixels().length];
    int channels = p.channels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int ch = 0; ch < channels; ch++) {
          out[(y * w + x) * channels + ch] =
              (float)
                  Filters.bilinear(
                      warped, y + dy[y * w + x], x + dx[y * w + x], ch, Border.REFLECT);
        }
      }
    }
    return p.with(out);
  }

  /**
   * The warp that moves three points around the centre (a square a third of the image's side away)
   * by up to {@code shift} each: OpenCV's getAffineTransform and warpAffine, border mirrored.
   */
  private static Picture affine(Picture p, double shift, UniformRandomProvider random) {
    // The reference's points, (first, second) coordinate as OpenCV reads them: x, then y.
    double c0 = Math.floor(p.height() / 2.0);
    double c1 = Math.floor(p.width() / 2.0);
    int s = Math.min(p.height(), p.width()) / 3;
    double[][] from = {{c0 + s, c1 + s}, {c0 + s, c1 - s}, {c0 - s, c1 - s}};
    double[][] to = new double[3][2];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        to[i][j] = from[i][j] + (2 * random.nextDouble() - 1) * shift;
      }
    }
    // What lies at a point of `from` in the input lies at the matching point of `to` in the output.
    return warp(p, solveAffine(to, from));
  }

  /**
   * The picture whose pixel (x, y) is {@code p}'s at {@code back}(x, y), sampled bilinearly with
   * the border mirrored (OpenCV's warpAffine of the inverse map, BORDER_REFLECT_101).
   */
  static Picture warp(Picture p, double[] back) {
    float[] out = new float[p.pixels().length];
    int channels = p.channels();
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        double sx = back[0] * x + back[1] * y + back[2];
        double sy = back[3] * x + back[4] * y + back[5];
        for (int ch = 0; ch < channels; ch++) {
          out[(y * p.width() + x) * channels + ch] =
              (float) Filters.bilinear(p, sy, sx, ch, Border.REFLECT_101);
        }
      }
    }
    return p.with(out);
  }

  /**
   * The affine map (a, b, t_x, d, e, t_y) taking each of three points {@code from} to the matching
   * point of {@code to}: x' = a·x + b·y + t_x, y' = d·x + e·y + t_y, by Cramer's rule.
   */
  static double[] solveAffine(double[][] from, double[][] to) {
    double x0 = from[0][0];
    double y0 = from[0][1];
    double x1 = from[1][0];
    double y1 = from[1][1];
    double x2 = from[2][0];
    double y2 = from[2][1];
    double det = x0 * (y1 - y2) - y0 * (x1 - x2) + (x1 * y2 - x2 * y1);
    double[] map = new double[6];
    for (int row = 0; row < 2; row++) {
      double u0 = to[0][row];
      double u1 = to[1][row];
      double u2 = to[2][row];
      map[3 * row] = (u0 * (y1 - y2) - y0 * (u1 - u2) + (u1 * y2 - u2 * y1)) / det;
      map[3 * row + 1] = (x0 * (u1 - u2) - u0 * (x1 - x2) + (x1 * u2 - x2 * u1)) / det;
      map[3 * row + 2] =
          (x0 * (y1 * u2 - y2 * u1) - y0 * (x1 * u2 - x2 * u1) + u0 * (x1 * y2 - x2 * y1)) / det;
    }
    return map;
  }

  /**
   * U(-1, 1) per pixel, smoothed by a Gaussian of σ = {@code smoothing} truncated at 3σ with the
   * border mirrored (scikit-image's gaussian, mode 'reflect'), times {@code strength}.
   */
  private static double[] field(
      int h, int w, double smoothing, double strength, UniformRandomProvider random) {
    float[] noise = new float[h * w];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (2 * random.nextDouble() - 1);
    }
    Picture smoothed =
        smoothing > 0
            ? Filters.separable(
                new Picture(h, w, 1, noise), Filters.gaussian(smoothing, 3.0), Border.REFLECT)
            : new Picture(h, w, 1, noise);
    double[] field = new double[h * w];
    for (int i = 0; i < field.length; i++) {
      field[i] = smoothed.pixels()[i] * strength;
    }
    return field;
  }
}
