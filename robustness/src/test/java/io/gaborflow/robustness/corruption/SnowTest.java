package io.gaborflow.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gaborflow.core.npy.NpyArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snow with its random draws given (the flakes and the smear's direction) must give the reference
 * procedure's pixels: bench/corruption-references.py ran it with the same draws, SciPy's zoom,
 * ImageMagick 6's motion blur and OpenCV's grey.
 */
class SnowTest {
  @ParameterizedTest
  @ValueSource(strings = {"colour", "grey"})
  void everySeverityGivesTheReferencePixels(String image) {
    Picture picture = ReferenceImages.input(image);
    NpyArray flakes = ReferenceImages.read("snow-" + image + "-flakes.npy");
    NpyArray expected = ReferenceImages.read("snow-" + image + "-severities.npy");
    float[] angles = ReferenceImages.read("snow-angles.npy").values();
    int pixels = picture.height() * picture.width();
    int size = picture.pixels().length;
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      float[] draws = new float[pixels];
      System.arraycopy(flakes.values(), (severity - 1) * pixels, draws, 0, pixels);
      Picture snowed =
          Snow.apply(picture, Corruption.SNOW.constants(severity), draws, angles[severity - 1]);
      float[] out = snowed.pixels();
      for (int i = 0; i < out.length; i++) {
        out[i] = Picture.eightBits(out[i]);
      }
      assertArrayEquals(
          ReferenceImages.block(expected, severity - 1, size),
          ReferenceImages.levels(out),
          image + " image, severity " + severity);
    }
  }
}
