package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Turns listed images into a split: the class-balanced subset is chosen from the labels, the size
 * from the first image, and the images are decoded only when a batch reads them.
 */
final class EncodedImages {
  private EncodedImages() {}

  /**
   * The size images are read at: the spec's resize when it gives one, else the size and colour of
   * the first image, or of the first that decodes when it skips bad files. That size must be the
   * model's input when the spec names one, so a mismatch is refused before the rest are decoded.
   */
  static ImageSize size(DataSpec spec, String data, List<? extends EncodedImage> images) {
    if (spec.resize() != null) {
      return spec.resize();
    }
    for (EncodedImage candidate : images) {
      BufferedImage image;
      try {
        image = candidate.decode();
      } catch (DataFormatException e) {
        if (!spec.skipBadFiles()) {
          throw e;
        }
        continue;
      }
      ImageSize size =
          new ImageSize(image.getHeight(), image.getWidth(), ImageDecoder.channels(image));
      if (spec.modelInput() != null && !size.equals(spec.modelInput())) {
        ImageSize input = spec.modelInput();
        throw candidate.problem(
            ImageSize.mismatch(
                "the model",
                input.height(),
                input.width(),
                input.channels(),
                data,
                size.height(),
                size.width(),
                size.channels()));
      }
      return size;
    }
    throw new IllegalArgumentException(
        "none of the " + images.size() + " training images of " + data + " can be decoded");
  }

  /** A seeded class-balanced subset of {@code limit} of {@code images} (0: all), in their order. */
  static <T extends EncodedImage> List<T> subset(
      List<T> images, int classes, int limit, long seed) {
    int[] labels = images.stream().mapToInt(EncodedImage::label).toArray();
    return Arrays.stream(BalancedSubset.indices(labels, classes, limit, Seeds.subset(seed)))
        .mapToObj(images::get)
        .toList();
  }

  /**
   * A split of {@code chosen} images, decoded at the spec's size (see {@link #size}) as batches
   * read them, with the spec's cache budget and its choice on bad files.
   */
  static ImageSamples samples(DataSpec spec, List<? extends EncodedImage> chosen, ImageSize size) {
    return new EncodedImageSamples(
        chosen,
        size,
        spec.resize() != null,
        spec.skipBadFiles(),
        spec.cacheBytes(),
        spec.cacheDirectory());
  }
}
