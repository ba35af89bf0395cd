package io.gaborflow.core.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyWriterTest {
  @Test
  void floatsReadBackWithTheirShape() throws IOException {
    float[] values = {0f, 0.5f, -1.25f, 3e-7f, 255f, Float.MIN_NORMAL};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.writeFloats(out, new int[] {1, 2, 3}, values);
    byte[] bytes = out.toByteArray();
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64, "the data starts at a multiple of 64 bytes");
    NpyArray back = NpyReader.read(new ByteArrayInputStream(bytes), "test");
    assertArrayEquals(new int[] {1, 2, 3}, back.shape());
    assertArrayEquals(values, back.values());
  }

  @Test
  void intsAreLittleEndianInt32WithAOneElementTupleForAVector() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.writeInts(out, new int[] {3}, new int[] {7, -1, 65536});
    byte[] bytes = out.toByteArray();
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", header.trim());
    ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 12).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(7, data.getInt());
    assertEquals(-1, data.getInt());
    assertEquals(65536, data.getInt());
    assertEquals(10 + headerLength + 12, bytes.length);
  }

  @Test
  void aShapeThatDoesNotHoldTheValuesIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NpyWriter.writeFloats(new ByteArrayOutputStream(), new int[] {2, 2}, new float[3]));
    assertEquals("shape [2, 2] holds 4 values, not 3", e.getMessage());
  }
}
