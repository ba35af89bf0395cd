package io.gaborflow.robustness.corruption;

import io.gaborflow.core.npy.NpyArray;
import io.gaborflow.core.npy.NpyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The images and reference outputs bench/corruption-references.py wrote beside these tests. */
final class ReferenceImages {
  private ReferenceImages() {}

  /** The input image {@code name} ("colour": 32x32x3, "grey": 28x28x1), pixels in 0..1. */
  static Picture input(String name) {
    NpyArray input = read("reference-" + name + "-input.npy");
    int[] shape = input.shape();
    float[] pixels = input.values().clone();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] /= 255f;
    }
    return new Picture(shape[0], shape[1], shape[2], pixels);
  }

  /** The array in resource {@code file}. */
  static NpyArray read(String file) {
    try (InputStream in = ReferenceImages.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing; run bench/corruption-references.py");
      }
      return NpyReader.read(in, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 8-bit levels of {@code pixels}. */
  static int[] levels(float[] pixels) {
    int[] levels = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      levels[i] = Math.round(pixels[i] * 255);
    }
    return levels;
  }

  /** The {@code index}-th block of {@code size} values of {@code array}, as 8-bit levels. */
  static int[] block(NpyArray array, int index, int size) {
    int[] levels = new int[size];
    for (int i = 0; i < size; i++) {
      levels[i] = (int) array.values()[index * size + i];
    }
    return levels;
  }
}
