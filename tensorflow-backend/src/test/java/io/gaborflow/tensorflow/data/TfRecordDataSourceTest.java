package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TFRecord files written by Python TensorFlow (examples/scripts/make-tfrecord-test-files.py): 8x8
 * PNG stripes, horizontal (label 0) or vertical (label 1), sharded, with the usual feature names or
 * TensorFlow Datasets'; and copies of them corrupted or cut short.
 */
class TfRecordDataSourceTest {
  @TempDir Path dir;

  private static Path files() throws URISyntaxException {
    return Path.of(
            TfRecordDataSourceTest.class
                .getResource("tfrecord/stripes-test.tfrecord-00000-of-00001")
                .toURI())
        .getParent();
  }

  private static Dataset load(String argument) {
    return new TfRecordDataSource().load(DataSpec.parse("tfrecord:" + argument));
  }

  /**
   * Whether image {@code i} of {@code set} has its bright rows (horizontal) or columns (vertical).
   */
  private static boolean stripesMatchLabel(ImageSamples set, int i) {
    float[] image = new float[64];
    int[] label = new int[1];
    set.copyBatch(new int[] {i}, 0, 1, image, label);
    float rowSpread = 0;
    for (int y = 0; y < 8; y++) {
      float min = 1;
      float max = 0;
      for (int x = 0; x < 8; x++) {
        min = Math.min(min, image[y * 8 + x]);
        max = Math.max(max, image[y * 8 + x]);
      }
      rowSpread = Math.max(rowSpread, max - min);
    }
    boolean rowsUniform = rowSpread == 0;
    return rowsUniform == (label[0] == 0);
  }

  @Test
  void readsShardedFilesWithTheUsualFeatureNames() throws Exception {
    Dataset data = load(files() + "/stripes-*.tfrecord-*");
    assertEquals(12, data.train().size(), "two shards of six");
    assertEquals(4, data.test().size());
    assertEquals(2, data.classes());
    assertEquals(8, data.train().height());
    assertEquals(1, data.train().channels());
    for (int i = 0; i < 12; i++) {
      assertEquals(i % 2, data.train().label(i), "shards in name order, records in file order");
      assertTrue(stripesMatchLabel(data.train(), i), "image " + i + " shows its label's stripes");
    }
  }

  @Test
  void readsTensorFlowDatasetsFeatureNames() throws Exception {
    Dataset data = load(files() + "/tfds-style-*.tfrecord");
    assertEquals(4, data.train().size());
    assertEquals(2, data.test().size());
  }

  @Test
  void aMissingFeatureNamesTheOnesThereAre() throws Exception {
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> load(files() + "/stripes-*.tfrecord-*#image=img,label=image/class/label"));
    assertEquals(
        files().resolve("stripes-train.tfrecord-00000-of-00002")
            + " at byte 0: record 0 has no image"
            + " feature [img]; it has [image/class/label, image/encoded] (name yours with #image=KEY)",
        e.getMessage());
  }

  @Test
  void aCorruptRecordNamesTheFileAndItsOffset() throws Exception {
    Path copy = copyOf("stripes-train.tfrecord-00000-of-00002", "corrupt-train.tfrecord");
    Files.copy(
        files().resolve("stripes-test.tfrecord-00000-of-00001"),
        dir.resolve("corrupt-test.tfrecord"));
    byte[] bytes = Files.readAllBytes(copy);
    long second = 16 + littleEndianLong(bytes, 0);
    bytes[(int) second + 12 + 20] ^= 1;
    Files.write(copy, bytes);
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> load(dir + "/corrupt-*.tfrecord"));
    assertEquals(
        copy
            + " at byte "
            + second
            + ": record 1: the data's checksum does not match; the file is corrupt",
        e.getMessage());
  }

  @Test
  void aTruncatedFileSaysWhereItIsCutShort() throws Exception {
    Path copy = copyOf("stripes-train.tfrecord-00000-of-00002", "cut-train.tfrecord");
    Files.copy(
        files().resolve("stripes-test.tfrecord-00000-of-00001"), dir.resolve("cut-test.tfrecord"));
    byte[] bytes = Files.readAllBytes(copy);
    Files.write(copy, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    long last = 0;
    while (last + 16 + littleEndianLong(bytes, (int) last) < bytes.length) {
      last += 16 + littleEndianLong(bytes, (int) last);
    }
    DataFormatException e =
        assertThrows(DataFormatException.class, () -> load(dir + "/cut-*.tfrecord"));
    long cutLength = littleEndianLong(bytes, (int) last);
    assertEquals(
        copy
            + " at byte "
            + last
            + ": the record starting here ends before the end of its "
            + cutLength
            + " bytes of data; the file is truncated",
        e.getMessage());
  }

  @Test
  void aGlobWithoutATestSplitSaysWhatItFound() throws Exception {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> load(files() + "/stripes-train.*"));
    assertEquals(
        "tfrecord:"
            + files()
            + "/stripes-train.* matches [stripes-train.tfrecord-00000-of-00002,"
            + " stripes-train.tfrecord-00001-of-00002]; it needs files named *train* and *test* (or *validation*,"
            + " *eval*)",
        e.getMessage());
  }

  private Path copyOf(String name, String as) throws Exception {
    Path copy = dir.resolve(as);
    Files.copy(files().resolve(name), copy);
    return copy;
  }

  private static long littleEndianLong(byte[] bytes, int from) {
    return java.nio.ByteBuffer.wrap(bytes, from, 8)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .getLong();
  }
}
