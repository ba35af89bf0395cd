package io.gaborflow.tensorflow.data;

import java.awt.image.BufferedImage;

/**
 * An image that is listed but not decoded yet: its label is known, its pixels are read only when it
 * is used, so a subset is chosen before anything is decoded.
 */
interface EncodedImage {
  /** The class index. */
  int label();

  /**
   * The decoded image; a file or record that is not an image is a {@link DataFormatException}
   * naming it.
   */
  BufferedImage decode();

  /** An error about this image that names its file (and, in a container file, its place). */
  DataFormatException problem(String what);

  /** Where the image is (its file, and its place in a container file): what a cache is keyed by. */
  String location();
}
