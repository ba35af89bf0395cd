package io.gaborflow.tensorflow.data;

import java.util.Arrays;

/**
 * Images and their labels in memory: pixels as NHWC floats, one label per image.
 */
public final class ImageSet {
  private final float[] pixels;
  private final int[] labels;
  private final int height;
  private final int width;
  private final int channels;

  /** Images as NHWC floats and their labels. */
  public ImageSet(float[] pixels, int[] labels, int height, int width, int channels) {
    if ((long) labels.length * height * width * channels != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length + " pixels do not make " + labels.length + " images of " + height + "x"
              + width + "x" + channels);
    }
    this.pixels = pixels;
    this.labels = labels;
    this.height = height;
    this.width = width;
    this.channels = channels;
  }

  /** The number of images. */
  public int size() {
    return labels.length;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Channels per pixel. */
  public int channels() {
    return channels;
  }

  /** Floats per image: height x width x channels. */
  public int pixelsPerImage() {
    return height * width * channels;
  }

  /** The label of image {@code index}. */
  public int label(int index) {
    return labels[index];
  }

  /** A copy of image {@code index}'s pixels. */
  public float[] image(int index) {
    int n = pixelsPerImage();
    return Arrays.copyOfRange(pixels, index * n, (index + 1) * n);
  }

  /**
   * Copies the images {@code order[from] .. order[from + count - 1]} into {@code images} and
   * their labels into {@code labelsOut}, so a training loop can reuse its buffers every step.
   */
  public void copyBatch(int[] order, int from, int count, float[] images, int[] labelsOut) {
    int n = pixelsPerImage();
    for (int i = 0; i < count; i++) {
      int index = order[from + i];
      System.arraycopy(pixels, index * n, images, i * n, n);
      labelsOut[i] = labels[index];
    }
  }

  /** The images at {@code indices}, in that order. */
  public ImageSet select(int[] indices) {
    int n = pixelsPerImage();
    float[] selected = new float[indices.length * n];
    int[] selectedLabels = new int[indices.length];
    copyBatch(indices, 0, indices.length, selected, selectedLabels);
    return new ImageSet(selected, selectedLabels, height, width, channels);
  }

  /** A copy with {@code standardization} applied to every pixel. */
  public ImageSet standardized(ChannelStandardization standardization) {
    float[] copy = pixels.clone();
    standardization.apply(copy, channels);
    return new ImageSet(copy, labels, height, width, channels);
  }

  /** The first {@code count} images (all of them when there are fewer). */
  public ImageSet head(int count) {
    int n = Math.min(count, size());
    return new ImageSet(
        Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), height, width, channels);
  }
}
