package io.gaborflow.tensorflow.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoded images of one split kept in a file, so later epochs and later runs read them instead of
 * decoding them again. The file is named after what it holds (the split's listing and the size
 * images are read at), so another listing or size never reads it. Layout: a header (a magic number,
 * the image count and floats per image), a flag byte per image, then the images' floats. An image's
 * flag is written after its floats, so an interrupted run leaves images unflagged, which are
 * decoded again, never half-written ones read. Safe to use from several threads. The file stays
 * open while the split is in use, until the process ends.
 */
final class DiskImageCache {
  private static final Logger LOG = LoggerFactory.getLogger(DiskImageCache.class);
  private static final long MAGIC = 0x67666c6f77636163L; // "gflowcac"
  private static final int HEADER = 16;

  private final Path file;
  private final FileChannel channel;
  private final int count;
  private final int floatsPerImage;
  private final AtomicLongArray present;

  private DiskImageCache(
      Path file, FileChannel channel, int count, int floatsPerImage, AtomicLongArray present) {
    this.file = file;
    this.channel = channel;
    this.count = count;
    this.floatsPerImage = floatsPerImage;
    this.present = present;
  }

  /**
   * The cache in {@code directory} for a split whose listing and read size {@code identity} (a hex
   * digest) describes: the existing file when there is one, else a new one. A file that is not such
   * a cache (cut short, another layout) is replaced, with a warning.
   */
  static DiskImageCache open(Path directory, String identity, int count, int floatsPerImage) {
    Path file =
        directory.resolve(
            "images-" + identity.substring(0, Math.min(32, identity.length())) + ".cache");
    long size = HEADER + count + (long) count * floatsPerImage * Float.BYTES;
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      AtomicLongArray present = new AtomicLongArray((count + 63) / 64);
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      header.flip();
      boolean valid =
          channel.size() == size
              && header.remaining() == HEADER
              && header.getLong() == MAGIC
              && header.getInt() == count
              && header.getInt() == floatsPerImage;
      if (valid) {
        ByteBuffer flags = ByteBuffer.allocate(count);
        channel.read(flags, HEADER);
        int cached = 0;
        for (int i = 0; i < count; i++) {
          if (flags.get(i) == 1) {
            mark(present, i);
            cached++;
          }
        }
        LOG.info("{}: {} of {} images already decoded", file, cached, count);
      } else {
        if (channel.size() > 0) {
          LOG.warn("{} is not a cache of these {} images; starting it afresh", file, count);
        }
        channel.truncate(0);
        ByteBuffer fresh =
            ByteBuffer.allocate(HEADER)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(MAGIC)
                .putInt(count)
                .putInt(floatsPerImage);
        fresh.flip();
        channel.write(fresh, 0);
        // Sparse: pages are allocated as images are written.
        channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
      }
      return new DiskImageCache(file, channel, count, floatsPerImage, present);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot use the image cache "
              + file
              + ": "
              + e.getMessage()
              + "; choose another DataSpec.cachedOnDisk directory or leave the cache out",
          e);
    }
  }

  /**
   * Image {@code index}'s floats into {@code into} from {@code offset}; false when it is not
   * cached.
   */
  boolean read(int index, float[] into, int offset) {
    if ((present.get(index >>> 6) & (1L << index)) == 0) {
      return false;
    }
    ByteBuffer bytes =
        ByteBuffer.allocate(floatsPerImage * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try {
      readFully(bytes, position(index));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the image cache " + file + ": " + e.getMessage(), e);
    }
    bytes.flip();
    bytes.asFloatBuffer().get(into, offset, floatsPerImage);
    return true;
  }

  /** Keeps image {@code index}'s {@code pixels}; its flag is written after them. */
  void write(int index, float[] pixels) {
    ByteBuffer bytes =
        ByteBuffer.allocate(floatsPerImage * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(pixels, 0, floatsPerImage);
    try {
      writeFully(bytes, position(index));
      writeFully(ByteBuffer.wrap(new byte[] {1}), HEADER + index);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the image cache "
              + file
              + ": "
              + e.getMessage()
              + "; free some space or leave the DataSpec.cachedOnDisk cache out",
          e);
    }
    mark(present, index);
  }

  private static void mark(AtomicLongArray bits, int index) {
    long bit = 1L << index;
    bits.getAndUpdate(index >>> 6, word -> word | bit);
  }

  private long position(int index) {
    return HEADER + count + (long) index * floatsPerImage * Float.BYTES;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the file ends early");
      }
    }
  }

  private void writeFully(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer, position + buffer.position());
    }
  }
}
