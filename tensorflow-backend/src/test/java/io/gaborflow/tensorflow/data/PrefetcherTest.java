package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.ImageFolders;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input pipeline: batches read ahead on worker threads from files are the batches of the same
 * images in memory, the queue stays within its depth, and bad images stop or are counted.
 */
class PrefetcherTest {
  private static final long SEED = 3;

  @TempDir Path dir;

  private static ImageSet inMemory(ImageSamples set) {
    float[] pixels = new float[set.size() * set.pixelsPerImage()];
    int[] labels = new int[set.size()];
    for (int i = 0; i < set.size(); i++) {
      set.read(i, pixels, i * set.pixelsPerImage());
      labels[i] = set.label(i);
    }
    return new ImageSet(pixels, labels, set.height(), set.width(), set.channels());
  }

  private static Prefetcher reading(
      ImageSamples set, int batchSize, boolean augment, int workers, int depth) {
    return new Prefetcher(
        set, BatchPlan.training(set.size(), batchSize, SEED, augment), workers, depth);
  }

  private static void assertSameBatches(
      ImageSamples expected, ImageSamples actual, boolean augment) {
    try (Prefetcher memory = reading(expected, 16, augment, 1, 1);
        Prefetcher streamed = reading(actual, 16, augment, 2, 3)) {
      assertEquals(memory.plan().stepsPerEpoch(), streamed.plan().stepsPerEpoch());
      for (int epoch = 1; epoch <= 2; epoch++) {
        for (int step = 0; step < memory.plan().stepsPerEpoch(); step++) {
          Batch inMemory = memory.next(epoch, step);
          Batch read = streamed.next(epoch, step);
          String where = "epoch " + epoch + " step " + step;
          assertEquals(inMemory.count(), read.count(), where);
          assertArrayEquals(inMemory.labels(), read.labels(), where);
          assertArrayEquals(inMemory.images(), read.images(), where);
        }
      }
    }
  }

  @Test
  void anImageFolderGivesTheBatchesOfItsImagesInMemory() {
    Dataset expected = ImageFolders.write(SyntheticData.stripes(12, 4, 96, 32, 5), dir);
    Dataset folder = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));
    assertSameBatches(expected.train(), folder.train(), false);
    assertSameBatches(expected.train(), folder.train(), true);
  }

  @Test
  void tfRecordFilesGiveTheBatchesOfTheirImagesInMemory() throws Exception {
    Path files =
        Path.of(
                getClass()
                    .getResource(
                        "/io/gaborflow/tensorflow/data/tfrecord/"
                            + "stripes-test.tfrecord-00000-of-00001")
                    .toURI())
            .getParent();
    Dataset records =
        new TfRecordDataSource().load(DataSpec.parse("tfrecord:" + files + "/stripes-*"));
    ImageSet copied = inMemory(records.train());
    try (Prefetcher memory = reading(copied, 4, true, 1, 1);
        Prefetcher streamed = reading(records.train(), 4, true, 2, 2)) {
      for (int step = 0; step < memory.plan().stepsPerEpoch(); step++) {
        Batch inMemory = memory.next(1, step);
        Batch read = streamed.next(1, step);
        assertArrayEquals(inMemory.images(), read.images(), "step " + step);
        assertArrayEquals(inMemory.labels(), read.labels(), "step " + step);
      }
    }
  }

  @Test
  void evaluationBatchesComeInOrderWithThePartialLastOne() {
    ImageSamples test = SyntheticData.stripes(12, 4, 16, 37, 5).test();
    try (Prefetcher batches = new Prefetcher(test, BatchPlan.inOrder(test.size(), 10))) {
      assertEquals(4, batches.plan().stepsPerEpoch());
      int seen = 0;
      for (int step = 0; step < 4; step++) {
        Batch batch = batches.next(1, step);
        for (int i = 0; i < batch.count(); i++) {
          assertEquals(test.label(seen), batch.labels()[i]);
          assertArrayEquals(
              test.image(seen), Arrays.copyOfRange(batch.images(), i * 144, (i + 1) * 144));
          seen++;
        }
      }
      assertEquals(37, seen);
    }
  }

  /** Counts the images read from a split. */
  private static final class Counting extends ForwardingSamples {
    final AtomicInteger reads = new AtomicInteger();

    Counting(ImageSamples inner) {
      super(inner);
    }

    @Override
    public boolean read(int index, float[] into, int offset) {
      reads.incrementAndGet();
      return super.read(index, into, offset);
    }
  }

  @Test
  void theWorkersReadAheadNoMoreThanTheQueueDepth() throws InterruptedException {
    Counting set = new Counting(SyntheticData.stripes(12, 4, 1000, 1, 5).train());
    try (Prefetcher batches = reading(set, 10, false, 2, 3)) {
      batches.next(1, 0);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (set.reads.get() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
      assertEquals(40, set.reads.get(), "the batch in use and 3 queued, of 100 in the epoch");
      batches.next(1, 1);
      while (set.reads.get() < 50 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
      assertEquals(50, set.reads.get(), "taking a batch queues one more");
    }
  }

  /**
   * A folder of 80 training images whose images {@code badIndices}, in listing order, are not
   * images.
   */
  private void folderWithBadFiles(int... badIndices) throws Exception {
    ImageFolders.write(SyntheticData.stripes(12, 4, 80, 8, 5), dir);
    for (int bad : badIndices) {
      Files.writeString(fileOf(dir, bad), "not an image");
    }
  }

  /**
   * The file of image {@code listed} of the training split: the folder source lists class by class,
   * by name.
   */
  private static Path fileOf(Path dir, int listed) throws Exception {
    try (var files = Files.walk(dir.resolve("train"))) {
      return files.filter(Files::isRegularFile).sorted().toList().get(listed);
    }
  }

  @Test
  void theFirstBadImageInTheEpochsOrderStopsItNamingTheFile() throws Exception {
    folderWithBadFiles(5, 60);
    int[] order = BatchPlan.order(80, SEED, 1);
    int firstBadAt = 0;
    while (order[firstBadAt] != 5 && order[firstBadAt] != 60) {
      firstBadAt++;
    }
    Path expected = fileOf(dir, order[firstBadAt]);
    for (int run = 0; run < 5; run++) {
      Dataset data = new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir));
      try (Prefetcher batches = reading(data.train(), 8, false, 2, 4)) {
        int step = 0;
        DataFormatException e = null;
        for (; step < batches.plan().stepsPerEpoch() && e == null; step++) {
          try {
            batches.next(1, step);
          } catch (DataFormatException thrown) {
            e = thrown;
          }
        }
        assertTrue(e != null, "a bad file stops the epoch");
        assertEquals(
            expected + ": not an image that can be read (PNG, JPEG, BMP or GIF)", e.getMessage());
        assertEquals(firstBadAt / 8, step - 1, "the batches before the bad one's were delivered");
      }
    }
  }

  @Test
  void skippedImagesAreLeftOutOfTheirBatchesAndCountedPerEpoch() throws Exception {
    folderWithBadFiles(5, 60);
    Dataset data =
        new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir).skippingBadFiles(true));
    try (Prefetcher batches = reading(data.train(), 8, false, 2, 4)) {
      for (int epoch = 1; epoch <= 2; epoch++) {
        int images = 0;
        for (int step = 0; step < batches.plan().stepsPerEpoch(); step++) {
          images += batches.next(epoch, step).count();
        }
        assertEquals(78, images, "epoch " + epoch);
        assertEquals(2, batches.skippedInEpoch(), "epoch " + epoch + " counts its own");
      }
    }
    DataFormatException unskipped =
        assertThrows(
            DataFormatException.class,
            () -> {
              try (Prefetcher batches =
                  reading(
                      new ImageFolderDataSource().load(DataSpec.parse("folder:" + dir)).train(),
                      80,
                      false,
                      1,
                      1)) {
                batches.next(1, 0);
              }
            });
    assertTrue(unskipped.getMessage().contains("img-"), unskipped.getMessage());
  }
}
