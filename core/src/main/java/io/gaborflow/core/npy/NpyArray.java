package io.gaborflow.core.npy;

import java.util.Arrays;

/** A float array read from a NumPy {@code .npy} file, with its shape (C order). */
public record NpyArray(int[] shape, float[] values) {
  @Override
  public String toString() {
    return "array of shape " + Arrays.toString(shape);
  }
}
