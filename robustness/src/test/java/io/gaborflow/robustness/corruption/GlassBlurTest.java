package io.gaborflow.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Glass blur at severity 1 (σ = 0.05: a blur of one tap) is the reference's shuffle alone, so what
 * moved where can be read from the output.
 */
class GlassBlurTest {
  private static final int SIZE = 32;

  /**
   * An image whose every pixel differs from its three upper-left neighbours in every channel, so
   * that a pixel's source can be told: level 37·x + 101·y (mod 256), shifted per channel.
   */
  private static Picture distinct(int channels) {
    float[] pixels = new float[SIZE * SIZE * channels];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        for (int c = 0; c < channels; c++) {
          pixels[(y * SIZE + x) * channels + c] = ((37 * x + 101 * y + 50 * c) % 256) / 255f;
        }
      }
    }
    return new Picture(SIZE, SIZE, channels, pixels);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 1})
  void eachPixelTakesItselfOrAnUpperLeftNeighbourEvenly(int channels) {
    // As the reference's numpy code does on a colour image, also on a grey one: a copy, so no
    // value travels further than one pixel up and left.
    Picture in = distinct(channels);
    Picture out = Corruption.GLASS_BLUR.apply(in, 1, 5, 0);
    int[][] offsets = new int[2][2];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int found = -1;
        for (int dy = 0; dy >= -1 && found < 0; dy--) {
          for (int dx = 0; dx >= -1 && found < 0; dx--) {
            if (y + dy >= 0 && x + dx >= 0 && samePixel(in, y + dy, x + dx, out, y, x)) {
              found = 2 * -dy + -dx;
            }
          }
        }
        assertTrue(found >= 0, "pixel " + y + "," + x + " comes from no upper-left neighbour");
        if (y < 2 || x < 2) {
          assertEquals(0, found, "the border of maxDelta + 1 is never overwritten: " + y + "," + x);
        } else {
          offsets[found / 2][found % 2]++;
        }
      }
    }
    // numpy's randint(-1, 1) draws -1 and 0: four offsets, each about a quarter of 900 pixels.
    int interior = (SIZE - 2) * (SIZE - 2);
    for (int[] row : offsets) {
      for (int count : row) {
        assertEquals(interior / 4.0, count, interior / 10.0, Arrays.deepToString(offsets));
      }
    }
  }

  @Test
  void theShuffleLiesBetweenTwoBlurs() {
    // One white pixel on black, not shuffled (0 rounds), at severity 3's σ = 0.4: each blur keeps
    // about 0.845 of it at its centre (scikit-image's weights, squared for two axes), so one blur
    // would leave about 0.84 and the reference's two about 0.71. The light is kept, less the 8-bit
    // truncation between the blurs.
    float[] spot = new float[SIZE * SIZE];
    spot[16 * SIZE + 16] = 1;
    double sigma = Corruption.GLASS_BLUR.constants(3)[0];
    Picture out =
        GlassBlur.apply(
            new Picture(SIZE, SIZE, 1, spot), sigma, 1, 0, RandomSource.SPLIT_MIX_64.create(1L));
    double max = 0;
    double sum = 0;
    for (float v : out.pixels()) {
      max = Math.max(max, v);
      sum += v;
    }
    assertEquals(0.71, max, 0.02);
    assertEquals(1, sum, 0.06);
    float[] flat = new float[SIZE * SIZE * 3];
    Arrays.fill(flat, 0.6f);
    for (float v :
        Corruption.GLASS_BLUR.apply(new Picture(SIZE, SIZE, 3, flat), 5, 1, 0).pixels()) {
      assertEquals(Math.floor(0.6f * 255) / 255, v, 1e-6, "a flat image stays flat");
    }
  }

  private static boolean samePixel(Picture a, int ya, int xa, Picture b, int yb, int xb) {
    for (int c = 0; c < a.channels(); c++) {
      if (Math.round(a.at(ya, xa, c) * 255) != Math.round(b.at(yb, xb, c) * 255)) {
        return false;
      }
    }
    return true;
  }
}
