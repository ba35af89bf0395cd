package io.gaborflow.robustness.corruption;

/**
 * ImageMagick 6's motion blur, which make_cifar_c.py calls through Wand: each pixel the weighted
 * sum of 2·ceil(radius) + 1 pixels along a line at {@code angle} degrees, starting at the pixel
 * itself and going one way only, with the weights of a one-sided Gaussian of σ = {@code sigma} (so
 * the image is smeared and shifted along the line). Offsets are rounded half down (ceil(t - 0.5));
 * beyond the edge the edge pixel is read (ImageMagick's default virtual pixels). Values are rounded
 * as the reference's round trip rounds them: to 16-bit quanta, then to the 8 bits of the PNG it
 * reads back.
 */
final class MotionBlur {
  private static final int QUANTA = 65535;

  private MotionBlur() {}

  static Picture apply(Picture picture, double radius, double sigma, double angleDegrees) {
    double[] weights = weights(radius, sigma);
    int taps = weights.length;
    double angle = Math.PI * angleDegrees / 180.0;
    double along = taps * Math.sin(angle);
    double across = taps * Math.cos(angle);
    double length = Math.hypot(along, across);
    int[] dx = new int[taps];
    int[] dy = new int[taps];
    for (int i = 0; i < taps; i++) {
      dx[i] = (int) Math.ceil(i * across / length - 0.5);
      dy[i] = (int) Math.ceil(i * along / length - 0.5);
    }
    int height = picture.height();
    int width = picture.width();
    int channels = picture.channels();
    // ImageMagick reads the reference's 8-bit PNG into 16-bit quanta (257 per level) and sums
    // those; the sum is taken on the same whole quanta here.
    float[] in = picture.pixels();
    double[] quanta = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      quanta[i] = Math.rint(Math.max(0, Math.min(1, in[i])) * QUANTA);
    }
    float[] out = new float[in.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int i = 0; i < taps; i++) {
            int sy = Math.max(0, Math.min(height - 1, y + dy[i]));
            int sx = Math.max(0, Math.min(width - 1, x + dx[i]));
            sum += weights[i] * quanta[(sy * width + sx) * channels + c];
          }
          out[(y * width + x) * channels + c] = toEightBits(sum) / 255f;
        }
      }
    }
    return picture.with(out);
  }

  /** exp(-i²/2σ²) for i = 0 .. 2·ceil(radius), normalised to sum 1. */
  static double[] weights(double radius, double sigma) {
    int taps = (int) (2 * Math.ceil(radius) + 1);
    double[] weights = new double[taps];
    double sum = 0;
    for (int i = 0; i < taps; i++) {
      weights[i] = Math.exp(-(double) (i * i) / (2 * sigma * sigma));
      sum += weights[i];
    }
    for (int i = 0; i < taps; i++) {
      weights[i] /= sum;
    }
    return weights;
  }

  /**
   * A sum of quanta as ImageMagick's 16-bit build stores it (rounded to the nearest quantum) and
   * then writes it to an 8-bit PNG (the quantum divided by 257, truncated).
   */
  static int toEightBits(double quanta) {
    int quantum = (int) Math.max(0, Math.min(QUANTA, Math.floor(quanta + 0.5)));
    return quantum / 257;
  }
}
