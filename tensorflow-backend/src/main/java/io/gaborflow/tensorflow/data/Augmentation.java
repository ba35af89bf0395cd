package io.gaborflow.tensorflow.data;

import java.util.SplittableRandom;

/**
 * The usual CIFAR augmentation, applied to a batch in place: each image is shifted by up to {@code
 * pad} pixels in each direction (a random crop of the zero-padded image) and flipped horizontally
 * with probability 1/2. The random source is derived from seed, epoch and step, so a resumed run
 * augments as an uninterrupted one.
 */
final class Augmentation {
  private final int height;
  private final int width;
  private final int channels;
  private final int pad;

  Augmentation(int height, int width, int channels, int pad) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pad = pad;
  }

  /** One image's shift and flip, drawn from {@code random}. */
  private record Draw(int dy, int dx, boolean flip) {}

  private Draw draw(SplittableRandom random) {
    int dy = random.nextInt(2 * pad + 1) - pad;
    int dx = random.nextInt(2 * pad + 1) - pad;
    return new Draw(dy, dx, random.nextBoolean());
  }

  /**
   * Draws what {@code images} images would, so the next image gets what it gets in the whole batch.
   */
  void skip(SplittableRandom random, int images) {
    for (int i = 0; i < images; i++) {
      draw(random);
    }
  }

  void apply(float[] images, int count, SplittableRandom random) {
    int per = height * width * channels;
    float[] scratch = new float[per];
    for (int i = 0; i < count; i++) {
      Draw draw = draw(random);
      int dy = draw.dy();
      int dx = draw.dx();
      boolean flip = draw.flip();
      int base = i * per;
      System.arraycopy(images, base, scratch, 0, per);
      for (int y = 0; y < height; y++) {
        int sy = y + dy;
        for (int x = 0; x < width; x++) {
          int sx = (flip ? width - 1 - x : x) + dx;
          int to = base + (y * width + x) * channels;
          boolean inside = sy >= 0 && sy < height && sx >= 0 && sx < width;
          for (int c = 0; c < channels; c++) {
            images[to + c] = inside ? scratch[(sy * width + sx) * channels + c] : 0f;
          }
        }
      }
    }
  }
}
