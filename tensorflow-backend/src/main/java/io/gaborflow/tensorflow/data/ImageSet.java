package io.gaborflow.tensorflow.data;

import java.util.Arrays;

/**
 * Images and their labels in memory: pixels as NHWC floats, one label per image. For data that is
 * in memory already (IDX, CIFAR-10 binary batches, generated data); image files are read through
 * {@link ImageSamples} as batches need them.
 */
public final class ImageSet implements ImageSamples {
  private final float[] pixels;
  private final int[] labels;
  private final int height;
  private final int width;
  private final int channels;

  /** Images as NHWC floats and their labels. */
  public ImageSet(float[] pixels, int[] labels, int height, int width, int channels) {
    if ((long) labels.length * height * width * channels != pixels.length) {
      throw new IllegalArgumentException(
          pixels.length
              + " pixels do not make "
              + labels.length
              + " images of "
              + height
              + "x"
              + width
              + "x"
              + channels);
    }
    this.pixels = pixels;
    this.labels = labels;
    this.height = height;
    this.width = width;
    this.channels = channels;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int pixelsPerImage() {
    return height * width * channels;
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    int n = pixelsPerImage();
    System.arraycopy(pixels, index * n, into, offset, n);
    return true;
  }

  @Override
  public void copyBatch(int[] order, int from, int count, float[] images, int[] labelsOut) {
    int n = pixelsPerImage();
    for (int i = 0; i < count; i++) {
      int index = order[from + i];
      System.arraycopy(pixels, index * n, images, i * n, n);
      labelsOut[i] = labels[index];
    }
  }

  /** The images at {@code indices}, in that order, copied. */
  @Override
  public ImageSet select(int[] indices) {
    int n = pixelsPerImage();
    float[] selected = new float[indices.length * n];
    int[] selectedLabels = new int[indices.length];
    copyBatch(indices, 0, indices.length, selected, selectedLabels);
    return new ImageSet(selected, selectedLabels, height, width, channels);
  }

  /** A copy with {@code standardization} applied to every pixel once, rather than at each read. */
  @Override
  public ImageSet standardized(ChannelStandardization standardization) {
    float[] copy = pixels.clone();
    standardization.apply(copy, 0, copy.length, channels);
    return new ImageSet(copy, labels, height, width, channels);
  }

  /** The first {@code count} images (all of them when there are fewer), copied. */
  @Override
  public ImageSet head(int count) {
    int n = Math.min(count, size());
    return new ImageSet(
        Arrays.copyOf(pixels, n * pixelsPerImage()),
        Arrays.copyOf(labels, n),
        height,
        width,
        channels);
  }
}
