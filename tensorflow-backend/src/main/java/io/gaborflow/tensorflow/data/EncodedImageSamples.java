package io.gaborflow.tensorflow.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listed images decoded when they are read: a split of an image folder or of TFRecord files. Holds
 * each image's label and where to find it, plus what the {@link DecodedImageCache} keeps. An image
 * of another size than the split's is an error naming it, unless images are resized; an image that
 * cannot be decoded is an error naming it, or, when bad images are skipped, left out with a warning
 * the first time it is met.
 */
final class EncodedImageSamples implements ImageSamples {
  private static final Logger LOG = LoggerFactory.getLogger(EncodedImageSamples.class);

  private final List<? extends EncodedImage> images;
  private final int[] labels;
  private final ImageSize size;
  private final boolean resizing;
  private final boolean skipBad;
  private final DecodedImageCache cache;

  /** Decoded images in a file, or {@code null}. */
  private final DiskImageCache disk;

  /** One bit per image: set once it has been found bad, so it is warned about once. */
  private final AtomicLongArray bad;

  /** Decoded images are also kept in a file in {@code cacheDirectory}, unless it is null. */
  EncodedImageSamples(
      List<? extends EncodedImage> images,
      ImageSize size,
      boolean resizing,
      boolean skipBad,
      long cacheBytes,
      Path cacheDirectory) {
    this.images = images;
    this.labels = images.stream().mapToInt(EncodedImage::label).toArray();
    this.size = size;
    this.resizing = resizing;
    this.skipBad = skipBad;
    this.cache = new DecodedImageCache(images.size(), cacheBytes);
    this.bad = new AtomicLongArray((images.size() + 63) / 64);
    this.disk =
        cacheDirectory == null
            ? null
            : DiskImageCache.open(
                cacheDirectory,
                identity(images, size, resizing),
                images.size(),
                size.height() * size.width() * size.channels());
  }

  /**
   * What a disk cache of these images holds: every image's place, in order, and the size they are
   * read at.
   */
  private static String identity(
      List<? extends EncodedImage> images, ImageSize size, boolean resizing) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (EncodedImage image : images) {
        digest.update(image.location().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      digest.update((size + (resizing ? " resized" : "")).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int height() {
    return size.height();
  }

  @Override
  public int width() {
    return size.width();
  }

  @Override
  public int channels() {
    return size.channels();
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    float[] pixels = cache.get(index);
    if (pixels == null && disk != null && disk.read(index, into, offset)) {
      return true;
    }
    if (pixels == null) {
      if (isBad(index)) {
        return false;
      }
      try {
        pixels = decode(images.get(index));
        if (disk != null) {
          disk.write(index, pixels);
        }
      } catch (DataFormatException e) {
        if (!skipBad) {
          throw e;
        }
        if (markBad(index)) {
          LOG.warn("{}; skipped", e.getMessage());
        }
        return false;
      }
      cache.offer(index, pixels);
    }
    System.arraycopy(pixels, 0, into, offset, pixels.length);
    return true;
  }

  /** The bytes of decoded images the cache holds. */
  long cachedBytes() {
    return cache.usedBytes();
  }

  private float[] decode(EncodedImage encoded) {
    var image = encoded.decode();
    if (!resizing && (image.getHeight() != size.height() || image.getWidth() != size.width())) {
      throw encoded.problem(
          "is "
              + image.getHeight()
              + "x"
              + image.getWidth()
              + " but the first image is "
              + size.height()
              + "x"
              + size.width()
              + "; make them one size or let gaborflow resize them (DataSpec.resizedTo)");
    }
    return ImageDecoder.pixels(image, size.height(), size.width(), size.channels());
  }

  private boolean isBad(int index) {
    return (bad.get(index >>> 6) & (1L << index)) != 0;
  }

  /** Marks image {@code index} bad; true when this call was the first to. */
  private boolean markBad(int index) {
    long bit = 1L << index;
    long before = bad.getAndUpdate(index >>> 6, word -> word | bit);
    return (before & bit) == 0;
  }
}
