package io.gaborflow.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.npy.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zoom blur has no randomness, so it must give the reference procedure's pixels: the expected
 * images were made by bench/corruption-references.py with SciPy's zoom.
 */
class ZoomBlurTest {
  @ParameterizedTest
  @ValueSource(strings = {"colour", "grey"})
  void everySeverityGivesTheReferencePixels(String image) {
    Picture picture = ReferenceImages.input(image);
    NpyArray expected = ReferenceImages.read("zoom-blur-" + image + "-severities.npy");
    int size = picture.pixels().length;
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      assertArrayEquals(
          ReferenceImages.block(expected, severity - 1, size),
          ReferenceImages.levels(Corruption.ZOOM_BLUR.apply(picture, severity, 1, 0).pixels()),
          image + " image, severity " + severity);
    }
  }

  @Test
  void theZoomsAreNumpysArangeOfTheReference() {
    // numpy.arange(1, stop, 0.01) rounds its count up: 1.06 and 1.11 are among the zooms.
    int[] counts = {7, 12, 16, 21, 26};
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      double stop = Corruption.ZOOM_BLUR.constants(severity)[0];
      double[] factors = ZoomBlur.factors(stop);
      int count = counts[severity - 1];
      assertEquals(count, factors.length, "stop " + stop);
      assertEquals(1 + (count - 1) * 0.01, factors[count - 1], 1e-12);
    }
  }
}
