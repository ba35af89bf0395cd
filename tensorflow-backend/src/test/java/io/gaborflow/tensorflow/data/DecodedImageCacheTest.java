package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of decoded images: later epochs decode only what the budget could not keep. */
class DecodedImageCacheTest {
  private static final ImageSize SIZE = new ImageSize(2, 2, 1);
  private static final long BYTES_PER_IMAGE = 4L * 2 * 2;

  private final AtomicInteger decodes = new AtomicInteger();

  /** An image whose pixels are all {@code grey}, counting its decodes. */
  private EncodedImage image(int grey) {
    return new EncodedImage() {
      @Override
      public int label() {
        return grey % 2;
      }

      @Override
      public BufferedImage decode() {
        decodes.incrementAndGet();
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 4; p++) {
          image.getRaster().setSample(p % 2, p / 2, 0, grey);
        }
        return image;
      }

      @Override
      public DataFormatException problem(String what) {
        return new DataFormatException("image " + grey, what);
      }

      @Override
      public String location() {
        return "image " + grey;
      }
    };
  }

  private int decodesForTwoEpochs(long budget) {
    List<EncodedImage> images = IntStream.range(0, 100).mapToObj(this::image).toList();
    EncodedImageSamples samples = new EncodedImageSamples(images, SIZE, false, false, budget, null);
    float[] pixels = new float[4];
    for (int epoch = 0; epoch < 2; epoch++) {
      for (int i = 0; i < 100; i++) {
        samples.read(i, pixels, 0);
        assertArrayEquals(
            new float[] {i / 255f, i / 255f, i / 255f, i / 255f}, pixels, 1e-7f, "image " + i);
      }
    }
    assertEquals(Math.min(budget / BYTES_PER_IMAGE, 100) * BYTES_PER_IMAGE, samples.cachedBytes());
    return decodes.getAndSet(0);
  }

  @Test
  void aBudgetForEveryImageDecodesEachOnce() {
    assertEquals(100, decodesForTwoEpochs(100 * BYTES_PER_IMAGE));
  }

  @Test
  void withoutABudgetEveryEpochDecodesAgain() {
    assertEquals(200, decodesForTwoEpochs(0));
  }

  @Test
  void aBudgetForSomeKeepsThoseAndDecodesTheRestAgain() {
    assertEquals(100 + 60, decodesForTwoEpochs(40 * BYTES_PER_IMAGE + 3));
  }

  @TempDir Path cacheDir;

  private float[][] readAll(ImageSize size, int count) {
    List<EncodedImage> images = IntStream.range(0, count).mapToObj(this::image).toList();
    EncodedImageSamples samples = new EncodedImageSamples(images, size, true, false, 0, cacheDir);
    float[][] all = new float[count][size.height() * size.width()];
    for (int i = 0; i < count; i++) {
      samples.read(i, all[i], 0);
    }
    return all;
  }

  @Test
  void aDiskCacheServesTheImagesToALaterRun() throws IOException {
    float[][] first = readAll(SIZE, 50);
    assertEquals(50, decodes.getAndSet(0));
    float[][] second = readAll(SIZE, 50);
    assertEquals(
        0, decodes.getAndSet(0), "a later run with the same files and size decodes nothing");
    assertArrayEquals(first, second);
    readAll(new ImageSize(3, 3, 1), 50);
    assertEquals(50, decodes.getAndSet(0), "another size is another cache");
    try (var files = Files.list(cacheDir)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void aDamagedDiskCacheIsStartedAfresh() throws IOException {
    float[][] first = readAll(SIZE, 20);
    Path file;
    try (var files = Files.list(cacheDir)) {
      file = files.findFirst().orElseThrow();
    }
    try (var channel =
        java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(40);
    }
    decodes.set(0);
    assertArrayEquals(first, readAll(SIZE, 20));
    assertEquals(20, decodes.get(), "every image decoded again, none read from the cut file");
  }
}
