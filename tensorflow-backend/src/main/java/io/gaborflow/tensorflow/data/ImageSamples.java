package io.gaborflow.tensorflow.data;

import java.util.stream.IntStream;

/**
 * The images of one split and their labels, read one image at a time: copied from memory ({@link
 * ImageSet}) or decoded from their files when a batch needs them, so that memory is set by the
 * batches in flight and the cache, not by the split's size. Safe to read from several threads.
 */
public interface ImageSamples {
  /** The number of images. */
  int size();

  /** Image height in pixels. */
  int height();

  /** Image width in pixels. */
  int width();

  /** Channels per pixel. */
  int channels();

  /** Floats per image: height x width x channels. */
  default int pixelsPerImage() {
    return height() * width() * channels();
  }

  /** The label of image {@code index}; known without decoding the image. */
  int label(int index);

  /**
   * Writes image {@code index}'s pixels (HWC floats) into {@code into} from {@code offset}. Returns
   * {@code false}, writing nothing, when the image cannot be decoded and the data was loaded to
   * skip such images ({@link DataSpec#skipBadFiles()}); the first time, a warning names it.
   *
   * @throws DataFormatException when the image cannot be decoded and is not to be skipped, naming
   *     its file
   */
  boolean read(int index, float[] into, int offset);

  /** A copy of image {@code index}'s pixels; an image that is skipped is an error naming it. */
  default float[] image(int index) {
    float[] pixels = new float[pixelsPerImage()];
    if (!read(index, pixels, 0)) {
      throw new IllegalStateException("image " + index + " cannot be decoded and is skipped");
    }
    return pixels;
  }

  /**
   * Copies the images {@code order[from] .. order[from + count - 1]} into {@code images} and their
   * labels into {@code labels}; a skipped image is an error.
   */
  default void copyBatch(int[] order, int from, int count, float[] images, int[] labels) {
    int n = pixelsPerImage();
    for (int i = 0; i < count; i++) {
      int index = order[from + i];
      if (!read(index, images, i * n)) {
        throw new IllegalStateException("image " + index + " cannot be decoded and is skipped");
      }
      labels[i] = label(index);
    }
  }

  /** The images at {@code indices}, in that order. */
  default ImageSamples select(int[] indices) {
    return new SelectedSamples(this, indices.clone());
  }

  /** The first {@code count} images (all of them when there are fewer). */
  default ImageSamples head(int count) {
    return select(IntStream.range(0, Math.min(count, size())).toArray());
  }

  /** These images with {@code standardization} applied to each as it is read. */
  default ImageSamples standardized(ChannelStandardization standardization) {
    return new StandardizedSamples(this, standardization);
  }
}
