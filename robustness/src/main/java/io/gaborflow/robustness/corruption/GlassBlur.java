package io.gaborflow.robustness.corruption;

import io.gaborflow.robustness.corruption.Filters.Border;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * make_cifar_c.py's glass blur: a Gaussian blur, quantised to 8 bits, pixels shuffled locally, then
 * the same blur again. The shuffle visits rows and columns from the far edge inwards, leaving a
 * border of {@code maxDelta} pixels, and pairs each pixel with one offset by dx, dy drawn from
 * [-maxDelta, maxDelta) (numpy's randint excludes the upper end).
 *
 * <p>The reference's "swap" is a numpy tuple assignment of two views of the image: on a colour
 * image (each pixel a view of its channels) the second assignment writes back what the first wrote,
 * so the pixel is overwritten by its partner and the partner keeps its value; on a grey image (each
 * pixel a scalar) the two are exchanged. Both are reproduced, since the published files are made
 * that way.
 */
final class GlassBlur {
  private GlassBlur() {}

  static Picture apply(
      Picture picture, double sigma, int maxDelta, int iterations, UniformRandomProvider random) {
    double[] kernel = Filters.gaussian(sigma, 4.0);
    float[] blurred = Filters.separable(picture, kernel, Border.NEAREST).pixels();
    float[] quantised = new float[blurred.length];
    for (int i = 0; i < blurred.length; i++) {
      quantised[i] = Picture.eightBits(blurred[i]);
    }
    shuffle(picture.with(quantised), maxDelta, iterations, random);
    return Filters.separable(picture.with(quantised), kernel, Border.NEAREST);
  }

  /** The reference's local shuffle, in place on {@code picture}'s pixels. */
  static void shuffle(Picture picture, int maxDelta, int iterations, UniformRandomProvider random) {
    float[] pixels = picture.pixels();
    int channels = picture.channels();
    int width = picture.width();
    for (int i = 0; i < iterations; i++) {
      for (int y = picture.height() - maxDelta; y > maxDelta; y--) {
        for (int x = width - maxDelta; x > maxDelta; x--) {
          int dx = random.nextInt(2 * maxDelta) - maxDelta;
          int dy = random.nextInt(2 * maxDelta) - maxDelta;
          int here = (y * width + x) * channels;
          int there = ((y + dy) * width + x + dx) * channels;
          System.arraycopy(pixels, there, pixels, here, channels);
        }
      }
    }
  }
}
