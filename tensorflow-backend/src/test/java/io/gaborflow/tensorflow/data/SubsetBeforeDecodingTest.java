package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gaborflow.core.Seeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image-file sources choose the {@code --limit-train} / {@code --limit-test} subsets from their
 * file lists and decode only those images, choosing the same subset the in-memory path chooses.
 */
class SubsetBeforeDecodingTest {
  private static final int CLASSES = 10;

  @TempDir Path dir;

  private static void writePng(Path file, int grey) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, grey);
    ImageIO.write(image, "png", file.toFile());
  }

  private Path trainFile(int label, int i) {
    return dir.resolve("train/class-" + label + "/img-" + String.format("%04d", i) + ".png");
  }

  @Test
  void aLimitOf100OnAFolderOf5000DecodesOnlyTheImagesItUses() throws IOException {
    int perClass = 500;
    int[] labels = IntStream.range(0, CLASSES * perClass).map(i -> i / perClass).toArray();
    int[] used = BalancedSubset.indices(labels, CLASSES, 100, Seeds.subset(42));
    boolean[] isUsed = new boolean[labels.length];
    Arrays.stream(used).forEach(i -> isUsed[i] = true);
    for (int i = 0; i < labels.length; i++) {
      Path file = trainFile(labels[i], i % perClass);
      if (isUsed[i]) {
        writePng(file, i % perClass % 250);
      } else {
        Files.createDirectories(file.getParent());
        Files.writeString(
            file, "decoding this file fails: only the 100 chosen images may be decoded");
      }
    }
    for (int label = 0; label < CLASSES; label++) {
      writePng(dir.resolve("test/class-" + label + "/only.png"), label);
    }

    Dataset data =
        new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir).limited(100, 0, 42));

    assertEquals(100, data.train().size());
    for (int k = 0; k < used.length; k++) {
      assertEquals(labels[used[k]], data.train().label(k));
      assertEquals(used[k] % perClass % 250 / 255f, data.train().image(k)[0], 1e-6, "image " + k);
    }
    assertEquals(CLASSES, data.test().size());
  }

  @Test
  void aFolderLimitedWhileListingEqualsTheWholeFolderLimitedAfterwards() throws IOException {
    for (int label = 0; label < CLASSES; label++) {
      for (int i = 0; i < 7 + label; i++) {
        writePng(trainFile(label, i), label * 20 + i);
        writePng(dir.resolve("test/class-" + label + "/t" + i + ".png"), 255 - label * 20 - i);
      }
    }
    DataSpec spec = DataSpec.parse("folder:" + dir);
    assertSameImages(
        new ImageFolderDataSource().load(spec).balancedSubset(33, 21, 5),
        new ImageFolderDataSource().load(spec.limited(33, 21, 5)));
  }

  @Test
  void tfRecordsLimitedWhileListingEqualTheWholeSetLimitedAfterwards() throws URISyntaxException {
    Path files = Path.of(getClass().getResource("tfrecord").toURI());
    DataSpec spec = DataSpec.parse("tfrecord:" + files + "/stripes-*.tfrecord-*");
    Dataset limited = new TfRecordDataSource().load(spec.limited(5, 3, 9));
    assertEquals(5, limited.train().size());
    assertSameImages(new TfRecordDataSource().load(spec).balancedSubset(5, 3, 9), limited);
  }

  @Test
  void classFoldersMayHoldFoldersAndHiddenFilesAreSkipped() throws IOException {
    writePng(dir.resolve("train/cat/2019/a.png"), 10);
    writePng(dir.resolve("train/cat/2020/b.png"), 11);
    writePng(dir.resolve("train/dog/c.png"), 12);
    Files.createDirectories(dir.resolve("train/dog/.thumbnails"));
    Files.writeString(
        dir.resolve("train/dog/.thumbnails/c.png"), "an editor's cache, not an image");
    Files.writeString(dir.resolve("train/dog/.DS_Store"), "not an image");
    writePng(dir.resolve("test/cat/d.png"), 13);
    writePng(dir.resolve("test/dog/e.png"), 14);

    Dataset data = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));

    assertEquals(3, data.train().size());
    assertArrayEquals(
        new float[] {10 / 255f, 11 / 255f, 12 / 255f},
        new float[] {data.train().image(0)[0], data.train().image(1)[0], data.train().image(2)[0]},
        1e-6f);
    assertArrayEquals(
        new int[] {0, 0, 1},
        new int[] {data.train().label(0), data.train().label(1), data.train().label(2)});
  }

  @Test
  void aBadFileIsNamedEachTimeItIsRead() throws IOException {
    for (int label = 0; label < 2; label++) {
      for (int i = 0; i < 4; i++) {
        writePng(trainFile(label, i), i);
      }
      writePng(dir.resolve("test/class-" + label + "/t.png"), label);
    }
    Files.writeString(trainFile(1, 2), "bad");
    Dataset data = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));
    assertEquals(3 / 255f, data.train().image(3)[0], 1e-6, "the good images read");
    for (int read = 0; read < 2; read++) {
      DataFormatException e = assertThrows(DataFormatException.class, () -> data.train().image(6));
      assertEquals(
          trainFile(1, 2) + ": not an image that can be read (PNG, JPEG, BMP or GIF)",
          e.getMessage());
    }
  }

  @Test
  void withSkipBadFilesTheBadOnesAreLeftOutAndTheRestLoaded() throws IOException {
    for (int label = 0; label < 2; label++) {
      for (int i = 0; i < 5; i++) {
        writePng(trainFile(label, i), label * 100 + i);
      }
      writePng(dir.resolve("test/class-" + label + "/t.png"), label);
    }
    Files.writeString(trainFile(0, 0), "the first file is bad, so the size comes from the next");
    Files.writeString(trainFile(1, 3), "bad");

    Dataset data =
        new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir).skippingBadFiles(true));

    assertEquals(10, data.train().size(), "files are listed, not decoded, when the data is loaded");
    List<Float> firstPixels = new ArrayList<>();
    List<Integer> left = new ArrayList<>();
    float[] image = new float[4];
    for (int read = 0; read < 2; read++) {
      for (int i = 0; i < 10; i++) {
        if (data.train().read(i, image, 0)) {
          firstPixels.add(image[0] * 255);
        } else if (read == 0) {
          left.add(i);
        }
      }
    }
    assertEquals(List.of(0, 8), left, "the bad ones are left out, each time they are read");
    assertEquals(16, firstPixels.size());
    for (int k = 0; k < 16; k++) {
      assertEquals(List.of(1, 2, 3, 4, 100, 101, 102, 104).get(k % 8), firstPixels.get(k), 1e-3f);
    }
    assertEquals(2, data.test().size());
  }

  @Test
  void imagesOfAnotherSizeThanTheModelsAreRefusedBeforeTheRestAreDecoded() throws IOException {
    for (int label = 0; label < 2; label++) {
      for (int i = 0; i < 50; i++) {
        Files.createDirectories(trainFile(label, i).getParent());
        Files.writeString(
            trainFile(label, i), "decoding this file fails: only the first image may be decoded");
      }
      writePng(dir.resolve("test/class-" + label + "/t.png"), label);
    }
    writePng(trainFile(0, 0), 7);

    DataFormatException e =
        assertThrows(
            DataFormatException.class,
            () ->
                new ImageFolderDataSource()
                    .load(DataSpec.parse("folder:" + dir).forModelInput(new ImageSize(4, 4, 1))));

    assertEquals(
        trainFile(0, 0)
            + ": the model takes 4x4x1 images but "
            + dir.getFileName()
            + " has 2x2x1 images;"
            + " read image files at the model's size (DataSpec.resizedTo), or use"
            + " a model that takes 2x2x1 images",
        e.getMessage());
  }

  private static void assertSameImages(Dataset expected, Dataset actual) {
    for (List<ImageSamples> pair :
        List.of(
            List.of(expected.train(), actual.train()), List.of(expected.test(), actual.test()))) {
      assertEquals(pair.get(0).size(), pair.get(1).size());
      for (int i = 0; i < pair.get(0).size(); i++) {
        assertEquals(pair.get(0).label(i), pair.get(1).label(i), "label " + i);
        assertArrayEquals(pair.get(0).image(i), pair.get(1).image(i), "image " + i);
      }
    }
  }
}
