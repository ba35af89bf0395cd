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

  /**
   * One batch of the first {@code count} training images of {@code stripes(size, classes, ...,
   * seed)}: the images a hand-computed step is checked on.
   */
  public static io.gaborflow.tensorflow.data.Batch stripesBatch(
      int size, int classes, int count, long seed) {
    float[] images = new float[count * size * size];
    int[] labels = new int[count];
    int[] order = java.util.stream.IntStream.range(0, count).toArray();
    stripes(size, classes, count, 0, seed).train().copyBatch(order, 0, count, images, labels);
    return io.gaborflow.tensorflow.data.Batch.of(images, labels, count, size * size);
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
