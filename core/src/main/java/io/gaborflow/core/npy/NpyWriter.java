package io.gaborflow.core.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes arrays as NumPy {@code .npy} files (format 1.0, C order, little-endian), so that Python
 * tools read exactly what gaborflow saw: {@code numpy.load} gives float32, int32 or uint8 arrays.
 */
public final class NpyWriter {
  private NpyWriter() {}

  /** Writes {@code values} as a float32 array of {@code shape}. */
  public static void writeFloats(OutputStream out, int[] shape, float[] values) throws IOException {
    write(out, "<f4", shape, values.length, Float.BYTES, b -> b.asFloatBuffer().put(values));
  }

  /** Writes {@code values} as an int32 array of {@code shape}. */
  public static void writeInts(OutputStream out, int[] shape, int[] values) throws IOException {
    write(out, "<i4", shape, values.length, Integer.BYTES, b -> b.asIntBuffer().put(values));
  }

  /** Writes {@code values} as a uint8 array of {@code shape} (CIFAR-10-C's images and labels). */
  public static void writeBytes(OutputStream out, int[] shape, byte[] values) throws IOException {
    write(out, "|u1", shape, values.length, Byte.BYTES, b -> b.put(values));
  }

  private static void write(
      OutputStream out,
      String dtype,
      int[] shape,
      int length,
      int bytesEach,
      java.util.function.Consumer<ByteBuffer> fill)
      throws IOException {
    requireSize(shape, length);
    header(out, dtype, shape);
    ByteBuffer buffer = ByteBuffer.allocate(length * bytesEach).order(ByteOrder.LITTLE_ENDIAN);
    fill.accept(buffer);
    out.write(buffer.array());
  }

  private static void requireSize(int[] shape, int length) {
    long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
    if (count != length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + count + " values, not " + length);
    }
  }

  /**
   * The magic, the version, the header's length and the header: a Python dict literal, padded with
   * spaces and ended with a newline so that the data starts at a multiple of 64 bytes.
   */
  private static void header(OutputStream out, String dtype, int[] shape) throws IOException {
    String dims =
        Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    String dict =
        "{'descr': '"
            + dtype
            + "', 'fortran_order': False, 'shape': ("
            + dims
            + (shape.length == 1 ? "," : "")
            + "), }";
    int unpadded = 10 + dict.length() + 1;
    String padded = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    int length = padded.length();
    out.write(new byte[] {(byte) (length & 0xff), (byte) (length >>> 8)});
    out.write(padded.getBytes(StandardCharsets.US_ASCII));
  }
}
