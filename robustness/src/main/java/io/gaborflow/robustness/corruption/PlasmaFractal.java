package io.gaborflow.robustness.corruption;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fog corruption's cloud: the diamond-square plasma fractal of Hendrycks and Dietterich's
 * make_cifar_c.py, on a square of a power-of-two size, scaled to 0..1.
 */
final class PlasmaFractal {
  private PlasmaFractal() {}

  static double[][] of(int size, double wibbleDecay, UniformRandomProvider random) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("a plasma fractal's size is a power of two, got " + size);
    }
    double[][] map = new double[size][size];
    double wibble = 100;
    for (int step = size; step >= 2; step /= 2) {
      int half = step / 2;
      // Squares: each centre from its four corners.
      for (int y = 0; y < size; y += step) {
        for (int x = 0; x < size; x += step) {
          double corners =
              map[y][x]
                  + map[(y + step) % size][x]
                  + map[y][(x + step) % size]
                  + map[(y + step) % size][(x + step) % size];
          map[y + half][x + half] = wibbled(corners, wibble, random);
        }
      }
      // Diamonds: each edge midpoint from the two corners beside it and the two centres across.
      for (int y = 0; y < size; y += step) {
        for (int x = 0; x < size; x += step) {
          double top =
              map[y][x]
                  + map[y][(x + step) % size]
                  + map[y + half][x + half]
                  + map[Math.floorMod(y - half, size)][x + half];
          double left =
              map[y][x]
                  + map[(y + step) % size][x]
                  + map[y + half][x + half]
                  + map[y + half][Math.floorMod(x - half, size)];
          map[y][x + half] = wibbled(top, wibble, random);
          map[y + half][x] = wibbled(left, wibble, random);
        }
      }
      wibble /= wibbleDecay;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : map) {
      for (double v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    for (double[] row : map) {
      for (int x = 0; x < size; x++) {
        row[x] = (row[x] - min) / (max - min);
      }
    }
    return map;
  }

  /** The reference's wibbledmean: the mean of four, plus wibble times U(-wibble, wibble). */
  private static double wibbled(double sumOfFour, double wibble, UniformRandomProvider random) {
    return sumOfFour / 4 + wibble * (random.nextDouble() * 2 - 1) * wibble;
  }
}
