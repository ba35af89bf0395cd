package io.gaborflow.core.npy;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's {@code .npy} format (versions 1 to 3): float32, float64 or uint8, either byte
 * order, C order, values as floats. Small on purpose: it serves filter banks and image arrays such
 * as CIFAR-10-C's, not general arrays.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR =
      Pattern.compile("'descr'\\s*:\\s*'(?:([<>|=])f([48])|\\|u(1))'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  /** Reads only the header: the shape, without the values. */
  public static int[] readShape(InputStream in, String source) throws IOException {
    return header(in, source).shape;
  }

  /** Reads an array from {@code in}; {@code source} names it in errors. */
  public static NpyArray read(InputStream in, String source) throws IOException {
    Header h = header(in, source);
    long count = 1;
    for (int d : h.shape) {
      count *= d;
    }
    if (count > Integer.MAX_VALUE / h.width) {
      throw new NpyFormatException(
          source, h.dataOffset, "array of " + count + " values is too large");
    }
    byte[] data = in.readNBytes((int) count * h.width);
    if (data.length < count * h.width) {
      throw new NpyFormatException(
          source,
          h.dataOffset + data.length,
          "file is truncated: the header declares "
              + count * h.width
              + " bytes of data, found "
              + data.length);
    }
    return new NpyArray(h.shape, values(data, (int) count, h));
  }

  /**
   * Rows {@code first} to {@code first + count - 1} of the array in {@code file} (along its first
   * axis), without reading the rest: a slice of an array too large for memory as floats.
   */
  public static NpyArray readRows(Path file, int first, int count) throws IOException {
    String source = file.toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      Header h = header(in, source);
      if (h.shape.length == 0 || first < 0 || count < 0 || first + count > h.shape[0]) {
        throw new NpyFormatException(
            source,
            h.dataOffset,
            "rows "
                + first
                + " to "
                + (first + count - 1)
                + " are not in an array of shape "
                + Arrays.toString(h.shape));
      }
      long perRow = 1;
      for (int d = 1; d < h.shape.length; d++) {
        perRow *= h.shape[d];
      }
      if (perRow * count > Integer.MAX_VALUE / h.width) {
        throw new NpyFormatException(source, h.dataOffset, count + " rows are too large");
      }
      long skip = perRow * first * h.width;
      try {
        in.skipNBytes(skip);
      } catch (EOFException e) {
        throw new NpyFormatException(source, h.dataOffset, "file is truncated before row " + first);
      }
      int values = (int) (perRow * count);
      byte[] data = in.readNBytes(values * h.width);
      if (data.length < values * h.width) {
        throw new NpyFormatException(
            source, h.dataOffset + skip + data.length, "file is truncated inside row data");
      }
      int[] shape = h.shape.clone();
      shape[0] = count;
      return new NpyArray(shape, values(data, values, h));
    }
  }

  private static float[] values(byte[] data, int count, Header h) {
    ByteBuffer buffer = ByteBuffer.wrap(data).order(h.order);
    float[] values = new float[count];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          switch (h.width) {
            case 1 -> buffer.get() & 0xff;
            case 4 -> buffer.getFloat();
            default -> (float) buffer.getDouble();
          };
    }
    return values;
  }

  private record Header(int[] shape, int width, ByteOrder order, long dataOffset) {}

  private static Header header(InputStream in, String source) throws IOException {
    byte[] start = in.readNBytes(8);
    if (start.length < 8) {
      throw new NpyFormatException(
          source, start.length, "file is truncated inside the .npy magic string");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (start[i] != MAGIC[i]) {
        throw new NpyFormatException(
            source, 0, "not a .npy file: it does not start with \\x93NUMPY");
      }
    }
    int major = start[6];
    int lengthBytes = major == 1 ? 2 : 4;
    byte[] lengthField = in.readNBytes(lengthBytes);
    if (lengthField.length < lengthBytes) {
      throw new NpyFormatException(source, 8, "file is truncated inside the header length");
    }
    ByteBuffer lb = ByteBuffer.wrap(lengthField).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = major == 1 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
    long headerStart = 8 + lengthBytes;
    if (headerLength > 1 << 20) {
      throw new NpyFormatException(source, 8, "header of " + headerLength + " bytes is too long");
    }
    byte[] headerBytes = in.readNBytes((int) headerLength);
    if (headerBytes.length < headerLength) {
      throw new NpyFormatException(
          source, headerStart + headerBytes.length, "file is truncated inside the header");
    }
    String header =
        new String(headerBytes, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher descr = DESCR.matcher(header);
    if (!descr.find()) {
      throw new NpyFormatException(
          source,
          headerStart,
          "only float32, float64 and uint8 arrays are supported; header: " + header.strip());
    }
    Matcher fortran = FORTRAN.matcher(header);
    if (fortran.find() && fortran.group(1).equals("True")) {
      throw new NpyFormatException(
          source,
          headerStart,
          "Fortran-ordered arrays are not supported; save with np.ascontiguousarray");
    }
    Matcher shapeMatch = SHAPE.matcher(header);
    if (!shapeMatch.find()) {
      throw new NpyFormatException(source, headerStart, "header has no shape: " + header.strip());
    }
    List<Integer> dims = new ArrayList<>();
    for (String part : shapeMatch.group(1).split(",")) {
      if (!part.isBlank()) {
        dims.add(Integer.parseInt(part.strip()));
      }
    }
    boolean bytes = descr.group(3) != null;
    ByteOrder order =
        !bytes && descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    return new Header(
        dims.stream().mapToInt(Integer::intValue).toArray(),
        bytes ? 1 : Integer.parseInt(descr.group(2)),
        order,
        headerStart + headerLength);
  }
}
