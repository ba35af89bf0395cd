package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDataSourceTest {
  @TempDir Path dir;

  static byte[] idx(int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    return b.array();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  private void writeSet(String prefix, int count, boolean gz) throws IOException {
    byte[] pixels = new byte[count * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 37);
    }
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 3);
    }
    byte[] images = idx(new int[] {count, 2, 2}, pixels);
    byte[] labelFile = idx(new int[] {count}, labels);
    String suffix = gz ? ".gz" : "";
    Files.write(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), gz ? gzip(images) : images);
    Files.write(
        dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), gz ? gzip(labelFile) : labelFile);
  }

  @Test
  void readsRawAndGzipFilesAndScalesPixels() throws IOException {
    writeSet("train", 6, true);
    writeSet("t10k", 3, false);
    Dataset data = IdxDataSource.load(dir, "tiny");
    assertEquals(6, data.train().size());
    assertEquals(3, data.test().size());
    assertEquals(3, data.classes());
    assertEquals(2, data.train().height());
    assertEquals((byte) 37 & 0xff, Math.round(data.train().image(0)[1] * 255));
    assertEquals(2, data.test().label(2));
  }

  @Test
  void wrongMagicNamesFileAndOffset() throws IOException {
    Path file = dir.resolve("bad");
    Files.write(file, new byte[] {1, 2, 8, 1, 0, 0, 0, 0});
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(file));
    assertEquals(
        file
            + " at byte 0: not an IDX file: the magic number must start with two zero bytes,"
            + " found 0x01020801",
        e.getMessage());
  }

  @Test
  void truncatedDataNamesWhereItEnds() throws IOException {
    Path file = dir.resolve("short");
    byte[] whole = idx(new int[] {10, 2, 2}, new byte[40]);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 15));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(file));
    assertEquals(
        file
            + " at byte 41: file is truncated: header [10, 2, 2] declares 40 bytes of data,"
            + " found 25",
        e.getMessage());
  }

  @Test
  void headerClaimingBillionsOfImagesFailsWithoutAllocatingThem() throws IOException {
    Path file = dir.resolve("huge");
    Files.write(file, idx(new int[] {2_000_000_000, 28, 28}, new byte[10]));
    DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(file));
    assertEquals(
        file + " at byte 8: header declares more than 2147483639 values ([2000000000, 28]...)",
        e.getMessage());
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    writeSet("train", 6, false);
    writeSet("t10k", 3, false);
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {2}, new byte[2]));
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> IdxDataSource.load(dir, "x"));
    assertEquals(
        dir.resolve("t10k-labels-idx1-ubyte")
            + " at byte 4: holds 2 labels but "
            + dir.resolve("t10k-images-idx3-ubyte")
            + " holds 3 images",
        e.getMessage());
  }

  @Test
  void missingDirectoryAndMissingFileAreNamed() throws IOException {
    Path nowhere = dir.resolve("nowhere");
    assertEquals(
        nowhere + ": directory does not exist",
        assertThrows(DataFormatException.class, () -> IdxDataSource.load(nowhere, "x"))
            .getMessage());
    writeSet("train", 2, false);
    assertEquals(
        dir.resolve("t10k-images-idx3-ubyte")
            + ": missing: expected t10k-images-idx3-ubyte or"
            + " t10k-images-idx3-ubyte.gz in "
            + dir,
        assertThrows(DataFormatException.class, () -> IdxDataSource.load(dir, "x")).getMessage());
  }
}
