package io.gaborflow.tensorflow.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * One file in the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed (recognised by its
 * content, not its name). Only unsigned-byte data (type 0x08) is supported, which is what those
 * data sets use.
 *
 * <p>Byte offsets in errors count in the uncompressed content.
 *
 * @param dimensions the sizes the header declares, outermost first
 * @param data the values, row-major
 */
public record IdxFile(String source, int[] dimensions, byte[] data) {
  private static final int UNSIGNED_BYTE = 0x08;

  /** Reads an IDX file, raw or gzipped. */
  public static IdxFile read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new DataFormatException(file, "file does not exist");
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads an IDX stream; {@code source} names it in errors (a file, or a resource). */
  public static IdxFile read(InputStream stream, String source) {
    try (InputStream in = decompressed(stream)) {
      return parse(in, source);
    } catch (IOException e) {
      throw new DataFormatException(source, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static IdxFile parse(InputStream in, String file) throws IOException {
    byte[] magic = readExactly(in, file, 0, 4, "the 4-byte magic number");
    if (magic[0] != 0 || magic[1] != 0) {
      throw new DataFormatException(
          file,
          0,
          "not an IDX file: the magic number must start with two zero bytes, found " + hex(magic));
    }
    if ((magic[2] & 0xff) != UNSIGNED_BYTE) {
      throw new DataFormatException(
          file,
          2,
          String.format(
              "IDX data type 0x%02x is not supported; only 0x08 (unsigned byte)", magic[2] & 0xff));
    }
    int rank = magic[3] & 0xff;
    if (rank == 0) {
      throw new DataFormatException(file, 3, "IDX header declares 0 dimensions");
    }
    int[] dims = new int[rank];
    long count = 1;
    for (int i = 0; i < rank; i++) {
      byte[] d = readExactly(in, file, 4 + 4L * i, 4, "dimension " + (i + 1) + " of " + rank);
      long size =
          ((d[0] & 0xffL) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
      if (size > Integer.MAX_VALUE) {
        throw new DataFormatException(
            file, 4 + 4L * i, "dimension " + (i + 1) + " is " + size + ", too large");
      }
      dims[i] = (int) size;
      count *= size;
      if (count > Integer.MAX_VALUE - 8) {
        throw new DataFormatException(
            file,
            4 + 4L * i,
            "header declares more than "
                + (Integer.MAX_VALUE - 8)
                + " values ("
                + Arrays.toString(Arrays.copyOf(dims, i + 1))
                + "...)");
      }
    }
    long headerLength = 4 + 4L * rank;
    // readNBytes grows its buffer as data arrives, so a header that lies about the size cannot
    // make us allocate memory for data the file does not have.
    byte[] data = in.readNBytes((int) count);
    if (data.length < count) {
      throw new DataFormatException(
          file,
          headerLength + data.length,
          "file is truncated: header "
              + Arrays.toString(dims)
              + " declares "
              + count
              + " bytes of data, found "
              + data.length);
    }
    if (in.read() != -1) {
      throw new DataFormatException(
          file,
          headerLength + count,
          "unexpected bytes after the "
              + count
              + " bytes that header "
              + Arrays.toString(dims)
              + " declares");
    }
    return new IdxFile(file, dims, data);
  }

  private static InputStream decompressed(InputStream stream) throws IOException {
    InputStream raw = new BufferedInputStream(stream, 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    }
    return raw;
  }

  private static byte[] readExactly(
      InputStream in, String file, long offset, int length, String what) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new DataFormatException(
          file, offset + bytes.length, "file is truncated: it ends inside the header, in " + what);
    }
    return bytes;
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder("0x");
    for (byte b : bytes) {
      s.append(String.format("%02x", b & 0xff));
    }
    return s.toString();
  }

  /** Header length in bytes: where the data starts. */
  public long dataOffset() {
    return 4 + 4L * dimensions.length;
  }
}
