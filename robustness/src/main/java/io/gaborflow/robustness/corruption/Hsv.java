package io.gaborflow.robustness.corruption;

import java.util.function.UnaryOperator;

/** HSV edits of an RGB picture, with scikit-image's rgb2hsv and hsv2rgb formulas. */
final class Hsv {
  private Hsv() {}

  /** Each pixel's hue, saturation and value, in 0..1, passed through {@code edit} and back. */
  static Picture edit(Picture picture, UnaryOperator<double[]> edit) {
    float[] in = picture.pixels();
    float[] out = new float[in.length];
    for (int p = 0; p < in.length; p += 3) {
      double[] rgb = toRgb(edit.apply(toHsv(in[p], in[p + 1], in[p + 2])));
      out[p] = (float) rgb[0];
      out[p + 1] = (float) rgb[1];
      out[p + 2] = (float) rgb[2];
    }
    return picture.with(out);
  }

  static double[] toHsv(double r, double g, double b) {
    double v = Math.max(r, Math.max(g, b));
    double delta = v - Math.min(r, Math.min(g, b));
    double s = v == 0 ? 0 : delta / v;
    double h;
    if (delta == 0) {
      h = 0;
    } else if (b == v) {
      // scikit-image assigns red, then green, then blue where the maximum is, so blue wins ties.
      h = 4 + (r - g) / delta;
    } else if (g == v) {
      h = 2 + (b - r) / delta;
    } else {
      h = (g - b) / delta;
    }
    h = (h / 6) % 1.0;
    return new double[] {h < 0 ? h + 1 : h, s, v};
  }

  static double[] toRgb(double[] hsv) {
    double h = hsv[0];
    double s = hsv[1];
    double v = hsv[2];
    double sector = Math.floor(h * 6);
    double f = h * 6 - sector;
    double p = v * (1 - s);
    double q = v * (1 - f * s);
    double t = v * (1 - (1 - f) * s);
    return switch ((int) sector % 6) {
      case 0 -> new double[] {v, t, p};
      case 1 -> new double[] {q, v, p};
      case 2 -> new double[] {p, v, t};
      case 3 -> new double[] {p, q, v};
      case 4 -> new double[] {t, p, v};
      default -> new double[] {v, p, q};
    };
  }
}
