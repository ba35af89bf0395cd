package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10AndFolderSourcesTest {
  @TempDir Path dir;

  /** {@code count} CIFAR records; image i has label i % 10 and red = i, green = 100, blue = 200. */
  static byte[] cifarRecords(int count) {
    byte[] bytes = new byte[count * 3073];
    for (int i = 0; i < count; i++) {
      int at = i * 3073;
      bytes[at] = (byte) (i % 10);
      Arrays.fill(bytes, at + 1, at + 1 + 1024, (byte) i);
      Arrays.fill(bytes, at + 1 + 1024, at + 1 + 2048, (byte) 100);
      Arrays.fill(bytes, at + 1 + 2048, at + 3073, (byte) 200);
    }
    return bytes;
  }

  private void writeCifar(int perBatch) throws IOException {
    for (int b = 1; b <= 5; b++) {
      Files.write(dir.resolve("data_batch_" + b + ".bin"), cifarRecords(perBatch));
    }
    Files.write(dir.resolve("test_batch.bin"), cifarRecords(perBatch));
  }

  @Test
  void readsCifar10BinaryAsRgbInRecordOrder() throws IOException {
    writeCifar(12);
    Files.writeString(
        dir.resolve("batches.meta.txt"),
        "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
    Dataset data = new Cifar10DataSource().load(DataSpec.parse("cifar10:" + dir));
    assertEquals(60, data.train().size());
    assertEquals(12, data.test().size());
    assertEquals(3, data.train().channels());
    assertEquals("cat", data.classNames().get(3));
    assertEquals(5, data.train().label(17));
    float[] pixel = Arrays.copyOf(data.train().image(7), 3);
    assertEquals(List.of(7 / 255f, 100 / 255f, 200 / 255f), List.of(pixel[0], pixel[1], pixel[2]));
  }

  @Test
  void truncatedCifarBatchNamesFileAndOffset() throws IOException {
    writeCifar(3);
    byte[] cut = Arrays.copyOf(cifarRecords(3), 3 * 3073 - 100);
    Files.write(dir.resolve("data_batch_4.bin"), cut);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> new Cifar10DataSource().load(DataSpec.parse("cifar10:" + dir)));
    assertEquals(
        dir.resolve("data_batch_4.bin")
            + " at byte 6146: truncated record: 9119 bytes is not a whole"
            + " number of 3073-byte records (label + 32x32x3 pixels)",
        e.getMessage());
  }

  @Test
  void cifarLabelOutOfRangeNamesTheRecord() throws IOException {
    writeCifar(3);
    byte[] bad = cifarRecords(3);
    bad[2 * 3073] = 12;
    Files.write(dir.resolve("test_batch.bin"), bad);
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> new Cifar10DataSource().load(DataSpec.parse("cifar10:" + dir)));
    assertEquals(
        dir.resolve("test_batch.bin") + " at byte 6146: label 12 is outside 0..9", e.getMessage());
  }

  private void writePng(Path file, int size, int grey) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, (grey << 16) | (grey << 8) | grey);
      }
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private void writeFolder(int size) throws IOException {
    for (String split : List.of("train", "test")) {
      for (String cls : List.of("dog", "cat")) {
        for (int i = 0; i < 3; i++) {
          writePng(
              dir.resolve(split).resolve(cls).resolve(i + ".png"),
              size,
              cls.equals("cat") ? 50 : 200);
        }
      }
    }
  }

  @Test
  void readsClassFoldersSortedByName() throws IOException {
    writeFolder(8);
    Dataset data = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));
    assertEquals(List.of("cat", "dog"), data.classNames());
    assertEquals(6, data.train().size());
    assertEquals(0, data.train().label(0));
    assertEquals(50 / 255f, data.train().image(0)[0], 1e-6);
    assertEquals(200 / 255f, data.train().image(5)[0], 1e-6);
  }

  @Test
  void resizesWhenTold() throws IOException {
    writeFolder(8);
    writePng(dir.resolve("train/cat/zz-big.png"), 20, 50);
    Dataset unsized = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));
    int big = 3;
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> unsized.train().image(big),
            "the folder's images are decoded when read, so the odd one is refused then");
    assertTrue(
        e.getMessage()
            .startsWith(
                dir.resolve("train/cat/zz-big.png") + ": is 20x20 but the first image is 8x8"),
        e.getMessage());
    Dataset data =
        new ImageFolderDataSource()
            .load(DataSpec.parse("folder:" + dir).resizedTo(new ImageSize(16, 16, 3)));
    assertEquals(16, data.train().height());
    assertEquals(3, data.train().channels());
  }

  @Test
  void notAnImageAndEmptyClassFolderAreNamed() throws IOException {
    writeFolder(8);
    Files.writeString(dir.resolve("test/dog/notes.png"), "not a picture");
    Dataset listed = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));
    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () -> listed.test().image(listed.test().size() - 1),
            "an image that is not one is refused when read");
    assertEquals(
        dir.resolve("test/dog/notes.png")
            + ": not an image that can be read (PNG, JPEG, BMP or GIF)",
        e.getMessage());
    Files.delete(dir.resolve("test/dog/notes.png"));
    Files.createDirectories(dir.resolve("train/bird"));
    Files.createDirectories(dir.resolve("test/bird"));
    e =
        assertThrows(
            DataFormatException.class,
            () -> new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir)));
    assertEquals(dir.resolve("train/bird") + ": class folder is empty", e.getMessage());
  }

  @Test
  void balancedSubsetAndStandardization() throws IOException {
    writeCifar(40);
    DataSources sources = new DataSources(java.util.Map.of("cifar10", new Cifar10DataSource()));
    Dataset data =
        sources.load(DataSpec.parse("cifar10:" + dir).limited(50, 20, 7).standardized(true));
    assertEquals(50, data.train().size());
    assertEquals(20, data.test().size());
    int[] perClass = new int[10];
    for (int i = 0; i < 50; i++) {
      perClass[data.train().label(i)]++;
    }
    for (int count : perClass) {
      assertEquals(5, count);
    }
    ChannelStandardization s = data.standardization();
    assertEquals(100 / 255.0, s.mean().get(1), 1e-6);
    assertEquals(1.0, s.std().get(1), 0.0, "a constant channel keeps deviation 1");
    double mean = 0;
    for (int i = 0; i < 50; i++) {
      mean += data.train().image(i)[0];
    }
    assertEquals(0, mean / 50, 1e-5, "red is centred");
  }
}
