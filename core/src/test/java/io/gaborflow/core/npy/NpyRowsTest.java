package io.gaborflow.core.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows of a large array read without the rest, and uint8 arrays as CIFAR-10-C stores images. */
class NpyRowsTest {
  @TempDir Path dir;

  /** A uint8 .npy of shape [rows, 2, 3] whose value at (r, i, j) is (r * 6 + i * 3 + j) % 256. */
  private Path uint8(int rows) throws IOException {
    Path file = dir.resolve("u8.npy");
    String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + rows + ", 2, 3), }";
    String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      out.write(new byte[] {(byte) header.length(), 0});
      out.write(header.getBytes(StandardCharsets.US_ASCII));
      for (int v = 0; v < rows * 6; v++) {
        out.write(v % 256);
      }
    }
    return file;
  }

  @Test
  void readsTheAskedRowsOfAUint8ArrayAsFloats() throws IOException {
    Path file = uint8(100);
    NpyArray rows = NpyReader.readRows(file, 42, 2);
    assertArrayEquals(new int[] {2, 2, 3}, rows.shape());
    float[] expected = new float[12];
    for (int i = 0; i < 12; i++) {
      expected[i] = (42 * 6 + i) % 256;
    }
    assertArrayEquals(expected, rows.values());
  }

  @Test
  void rowsOutsideTheArrayAreRefusedNamingTheShape() throws IOException {
    Path file = uint8(10);
    NpyFormatException e =
        assertThrows(NpyFormatException.class, () -> NpyReader.readRows(file, 9, 2));
    assertTrue(
        e.getMessage().contains("rows 9 to 10 are not in an array of shape [10, 2, 3]"),
        e.getMessage());
  }
}
