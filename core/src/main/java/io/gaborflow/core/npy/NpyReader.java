package io.gaborflow.core.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's {@code .npy} format (versions 1 to 3): float32 or float64, either byte order, C
 * order. Small on purpose: it serves filter banks, not general arrays.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])f([48])'");
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
    ByteBuffer buffer = ByteBuffer.wrap(data).order(h.order);
    float[] values = new float[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = h.width == 4 ? buffer.getFloat() : (float) buffer.getDouble();
    }
    return new NpyArray(h.shape, values);
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
          "only float32 and float64 arrays are supported; header: " + header.strip());
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
    ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    return new Header(
        dims.stream().mapToInt(Integer::intValue).toArray(),
        Integer.parseInt(descr.group(2)),
        order,
        headerStart + headerLength);
  }
}
