package io.gaborflow.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptionTest {
  /** A 32x32 colour scene of smooth shading, an edge and texture, quantised to 8 bits. */
  private static Picture scene(int channels) {
    Random random = new Random(11);
    float[] pixels = new float[32 * 32 * channels];
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        for (int c = 0; c < channels; c++) {
          double v =
              0.2
                  + 0.5 * x / 31.0 * (c + 1) / channels
                  + (y > 16 ? 0.2 : 0)
                  + 0.05 * random.nextGaussian();
          pixels[(y * 32 + x) * channels + c] = Picture.eightBits(v);
        }
      }
    }
    return new Picture(32, 32, channels, pixels);
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void severityZeroIsTheIdentity(Corruption corruption) {
    Picture scene = scene(3);
    assertSame(scene, corruption.apply(scene, 0, 1, 0));
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void everySeverityGivesEightBitPixelsInRangeTheSameForTheSameSeed(Corruption corruption) {
    Picture scene = scene(3);
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      float[] once = corruption.apply(scene, severity, 7, 3).pixels();
      assertArrayEquals(once, corruption.apply(scene, severity, 7, 3).pixels());
      for (float v : once) {
        assertTrue(v >= 0 && v <= 1, corruption.id() + " " + v);
        assertEquals(Math.round(v * 255), v * 255, 1e-3, corruption.id() + " " + v);
      }
      assertFalse(
          Arrays.equals(scene.pixels(), once),
          corruption.id() + " at severity " + severity + " changes the image");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Corruption.class,
      names = {
        "GAUSSIAN_NOISE",
        "SHOT_NOISE",
        "IMPULSE_NOISE",
        "SPECKLE_NOISE",
        "FOG",
        "ELASTIC_TRANSFORM",
        "GLASS_BLUR",
        "MOTION_BLUR",
        "SNOW"
      })
  void randomCorruptionsDifferByImageAndSeed(Corruption corruption) {
    Picture scene = scene(3);
    float[] first = corruption.apply(scene, 3, 7, 0).pixels();
    assertFalse(Arrays.equals(first, corruption.apply(scene, 3, 7, 1).pixels()), "another image");
    assertFalse(Arrays.equals(first, corruption.apply(scene, 3, 8, 0).pixels()), "another seed");
  }

  @ParameterizedTest
  @EnumSource(
      value = Corruption.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {"SATURATE", "ELASTIC_TRANSFORM", "GLASS_BLUR", "MOTION_BLUR"})
  void higherSeveritiesChangeTheImageMore(Corruption corruption) {
    // Saturate is not ordered by strength in the reference (0.3, 0.1, then 1.5, 2, 2.5 times), nor
    // is the elastic transform: its affine shift shrinks (2.56 to 0.96 pixels) as its field grows;
    // nor glass blur, whose severity 3 blurs more (σ 0.4) than 4 (σ 0.25, shuffled twice); motion
    // blur's change depends on the direction each image and severity draws as much as on σ.
    Picture scene = scene(3);
    double previous = 0;
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      double change = meanAbsoluteChange(scene, corruption.apply(scene, severity, 7, 0));
      assertTrue(
          change >= previous,
          corruption.id() + ": severity " + severity + " " + change + " < " + previous);
      previous = change;
    }
  }

  @Test
  void contrastPullsEachChannelTowardsItsMean() {
    float[] values = new float[16];
    for (int i = 0; i < 16; i++) {
      values[i] = i % 2;
    }
    // severity 2: c = 0.5; mean 0.5; 0 -> 0.25 and 1 -> 0.75, then truncated to 8 bits
    float[] out = Corruption.CONTRAST.apply(new Picture(4, 4, 1, values), 2, 1, 0).pixels();
    assertEquals(63 / 255f, out[0]);
    assertEquals(191 / 255f, out[1]);
  }

  @Test
  void gaussianWeightsAreScipysTruncatedAtFourSigma() {
    double[] weights = Filters.gaussian(1.0, 4.0);
    assertEquals(9, weights.length);
    assertEquals(1.0, Arrays.stream(weights).sum(), 1e-12);
    // scipy.ndimage._gaussian_kernel1d(1, 0, 4): 0.39894 at the centre, 0.24197 beside it
    assertEquals(1 / sumOfUnnormalised(), weights[4], 1e-12);
    assertEquals(Math.exp(-0.5), weights[5] / weights[4], 1e-12);
  }

  @Test
  void theDefocusDiskKeepsTheMeanAndGrowsWithTheRadius() {
    double[][] small = Filters.disk(0.3, 0.4);
    double[][] large = Filters.disk(1.5, 0.1);
    assertEquals(1.0, Arrays.stream(small).flatMapToDouble(Arrays::stream).sum(), 1e-6);
    assertEquals(1.0, Arrays.stream(large).flatMapToDouble(Arrays::stream).sum(), 1e-6);
    assertTrue(small[8][8] > large[8][8]);
    assertEquals(0, small[8][10], 1e-12);
    assertTrue(large[8][9] > 0.05);
  }

  @Test
  void hsvRoundTripsEveryColour() {
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      double[] rgb = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      assertArrayEquals(rgb, Hsv.toRgb(Hsv.toHsv(rgb[0], rgb[1], rgb[2])), 1e-9);
    }
    assertArrayEquals(new double[] {0, 1, 1}, Hsv.toHsv(1, 0, 0), 1e-12);
    assertArrayEquals(new double[] {1 / 3.0, 1, 1}, Hsv.toHsv(0, 1, 0), 1e-12);
  }

  @Test
  void pixelateAveragesBlocksThenRepeatsThem() {
    float[] values = {0, 1, 0.5f, 0.5f};
    Picture down = BoxResize.resize(new Picture(1, 4, 1, values), 1, 2);
    assertArrayEquals(new float[] {0.5f, 0.5f}, down.pixels());
    Picture up = BoxResize.resize(new Picture(1, 2, 1, new float[] {0, 1}), 1, 4);
    assertArrayEquals(new float[] {0, 0, 1, 1}, up.pixels());
  }

  @Test
  void saturateRefusesGreyImagesAndNamesWhy() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Corruption.SATURATE.apply(scene(1), 1, 1, 0));
    assertEquals("saturate needs a colour image; this one has 1 channel(s)", e.getMessage());
    assertFalse(Corruption.SATURATE.appliesTo(1));
  }

  @Test
  void anUnknownNameListsTheCorruptions() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Corruption.of("frost"));
    assertTrue(e.getMessage().startsWith("no corruption 'frost'; there are gaussian_noise,"));
    assertSame(Corruption.JPEG_COMPRESSION, Corruption.of("JPEG_compression"));
  }

  private static double sumOfUnnormalised() {
    double sum = 0;
    for (int x = -4; x <= 4; x++) {
      sum += Math.exp(-0.5 * x * x);
    }
    return sum;
  }

  private static double meanAbsoluteChange(Picture a, Picture b) {
    double sum = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      sum += Math.abs(a.pixels()[i] - b.pixels()[i]);
    }
    return sum / a.pixels().length;
  }
}
