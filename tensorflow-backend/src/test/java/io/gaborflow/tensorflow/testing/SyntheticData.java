package io.gaborflow.tensorflow.testing;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSet;
import java.util.Random;

/** Images of oriented stripes whose class is the orientation: learnable, and quick to make. */
public final class SyntheticData {
  private SyntheticData() {}

  public static Dataset stripes(int size, int classes, int trainCount, int testCount, long seed) {
    Random random = new Random(seed);
    return new Dataset(
        "stripes",
        images(size, classes, trainCount, random),
        images(size, classes, testCount, random),
        classes);
  }

  private static ImageSet images(int size, int classes, int count, Random random) {
    float[] pixels = new float[count * size * size];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(classes);
      labels[i] = label;
      double angle = Math.PI * label / classes;
      double phase = random.nextDouble() * 2 * Math.PI;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double along = x * Math.cos(angle) + y * Math.sin(angle);
          pixels[(i * size + y) * size + x] =
              (float)
                  (0.5
                      + 0.4 * Math.cos(2 * Math.PI * along / 4 + phase)
                      + 0.1 * random.nextGaussian());
        }
      }
    }
    return new ImageSet(pixels, labels, size, size, 1);
  }
}
