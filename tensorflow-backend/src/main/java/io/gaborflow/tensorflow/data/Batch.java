package io.gaborflow.tensorflow.data;

/**
 * One mini-batch as the step consumes it: {@link #count()} images, NHWC float32, and their labels.
 * A batch from a {@link Prefetcher} is valid until the prefetcher's next batch is taken: its
 * buffers are then reused.
 */
public final class Batch {
  private final float[] images;
  private final int[] labels;
  private final int pixelsPerImage;
  private int count;
  private int skipped;

  /** Room for {@code capacity} images of {@code pixelsPerImage} values each. */
  Batch(int capacity, int pixelsPerImage) {
    this(new float[capacity * pixelsPerImage], new int[capacity], pixelsPerImage, 0);
  }

  private Batch(float[] images, int[] labels, int pixelsPerImage, int count) {
    this.images = images;
    this.labels = labels;
    this.pixelsPerImage = pixelsPerImage;
    this.count = count;
  }

  /**
   * A batch of the first {@code count} images of {@code images} (NHWC, {@code pixelsPerImage}
   * values each) and their {@code labels}, without copying.
   */
  public static Batch of(float[] images, int[] labels, int count, int pixelsPerImage) {
    if (count < 0 || count > labels.length || (long) count * pixelsPerImage > images.length) {
      throw new IllegalArgumentException(
          "a batch of "
              + count
              + " images of "
              + pixelsPerImage
              + " values needs "
              + count
              + " labels and "
              + (long) count * pixelsPerImage
              + " values; it has "
              + labels.length
              + " and "
              + images.length);
    }
    return new Batch(images, labels, pixelsPerImage, count);
  }

  /** The images, NHWC; the first {@link #count()} are valid. */
  public float[] images() {
    return images;
  }

  /** The labels; the first {@link #count()} are valid. */
  public int[] labels() {
    return labels;
  }

  /**
   * Images in the batch: its size, less the images that could not be decoded and were skipped, and
   * less what the split lacks for the last batch in order.
   */
  public int count() {
    return count;
  }

  /** Values per image: height x width x channels. */
  public int pixelsPerImage() {
    return pixelsPerImage;
  }

  /** Images of the batch's place in the epoch left out because they could not be decoded. */
  public int skipped() {
    return skipped;
  }

  int capacity() {
    return labels.length;
  }

  void filled(int count, int skipped) {
    this.count = count;
    this.skipped = skipped;
  }
}
