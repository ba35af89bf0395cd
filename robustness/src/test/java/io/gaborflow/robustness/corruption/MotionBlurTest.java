package io.gaborflow.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gaborflow.core.npy.NpyArray;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Motion blur is deterministic once its angle is drawn: at fixed angles it must give ImageMagick
 * 6's pixels (bench/corruption-references.py ran Debian's 6.9.11 Q16 on the same images).
 */
class MotionBlurTest {
  @ParameterizedTest
  @ValueSource(strings = {"colour", "grey"})
  void everySeverityAndAngleGivesImageMagicksPixels(String image) {
    Picture picture = ReferenceImages.input(image);
    NpyArray expected = ReferenceImages.read("motion-blur-" + image + "-severities-by-angle.npy");
    float[] angles = ReferenceImages.read("motion-blur-angles.npy").values();
    int size = picture.pixels().length;
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      double[] c = Corruption.MOTION_BLUR.constants(severity);
      for (int a = 0; a < angles.length; a++) {
        assertArrayEquals(
            ReferenceImages.block(expected, (severity - 1) * angles.length + a, size),
            ReferenceImages.levels(MotionBlur.apply(picture, c[0], c[1], angles[a]).pixels()),
            image + " image, severity " + severity + ", angle " + angles[a]);
      }
    }
  }

  @Test
  void eachImageDrawsItsOwnAngle() {
    Picture picture = ReferenceImages.input("colour");
    float[] first = Corruption.MOTION_BLUR.apply(picture, 3, 7, 0).pixels();
    assertFalse(Arrays.equals(first, Corruption.MOTION_BLUR.apply(picture, 3, 7, 1).pixels()));
  }
}
