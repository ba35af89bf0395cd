package io.gaborflow.tensorflow.train;

import io.gaborflow.core.Seeds;
import io.gaborflow.tensorflow.data.ImageSamples;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The mini-batches of a split, read ahead on worker threads. For training, each epoch's order is
 * a shuffle drawn from the seed and the epoch alone (so a run resumed at any step sees the batches
 * an uninterrupted one does), the last partial batch is dropped, and each batch is augmented with
 * a random stream of its own when augmentation is on; for evaluation ({@link #inOrder}) the images
 * come in index order, the last batch partial. Images are read (decoded, when they come from
 * files) by a pool of worker threads into at most a fixed number of batches queued ahead of the
 * one in use, so memory is set by the batch size and the depth, not by the split's size. The
 * training loop, evaluation, {@code soak} and {@code perf} all take their batches from here. A
 * batch is valid until the next is filled. Close it to stop its threads.
 */
public final class Batches implements AutoCloseable {
  private final ImageSamples set;
  private final int batchSize;
  private final long seed;
  private final boolean shuffled;
  private final boolean augment;
  private final int depth;
  private final int shard;
  private final int shards;
  private final ExecutorService pool;
  private final ArrayDeque<Future<Batch>> queued = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Batch> free = new ConcurrentLinkedQueue<>();
  private int orderEpoch;
  private int[] order;
  /** The batch {@link #fill} is expected to ask for next, and the next one to queue. */
  private int wantedEpoch = -1;
  private int wantedStep;
  private int queuedStep;
  private Batch current;
  private long waitNanos;
  private int skippedEpoch;
  private int skipped;

  /** Training batches of {@code set}; with {@code augment}, random crops and flips (see {@link Augmentation}). */
  public Batches(ImageSamples set, int batchSize, long seed, boolean augment) {
    this(set, batchSize, seed, true, augment, 0, 1, defaultWorkers(), 2 * defaultWorkers());
  }

  /**
   * Training batches of {@code set}, read by {@code workers} threads (at least 1) into a queue of
   * {@code depth} batches (at least 1).
   */
  public Batches(ImageSamples set, int batchSize, long seed, boolean augment, int workers, int depth) {
    this(set, batchSize, seed, true, augment, 0, 1, workers, depth);
  }

  /**
   * Part {@code shard} of {@code shards} of each training batch of {@code globalBatch} images: the
   * images and augmentation that part has in the batches of one process with the whole batch, so
   * that workers of a cluster together train on exactly those batches.
   */
  public static Batches shard(ImageSamples set, int globalBatch, long seed, boolean augment, int shard, int shards) {
    if (shards < 1 || globalBatch % shards != 0) {
      throw new IllegalArgumentException("a batch of " + globalBatch + " images does not split evenly over " + shards
          + " workers; use a batch size that is a multiple of " + shards);
    }
    return new Batches(set, globalBatch, seed, true, augment, shard, shards, defaultWorkers(), 2 * defaultWorkers());
  }

  private Batches(ImageSamples set, int batchSize, long seed, boolean shuffled, boolean augment, int shard,
      int shards, int workers, int depth) {
    if (batchSize < 1 || workers < 1 || depth < 1) {
      throw new IllegalArgumentException(
          "batch size, workers and depth must be at least 1, got " + batchSize + ", " + workers + ", " + depth);
    }
    this.shard = shard;
    this.shards = shards;
    this.set = set;
    this.batchSize = batchSize;
    this.seed = seed;
    this.shuffled = shuffled;
    this.augment = augment;
    this.depth = depth;
    this.pool = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "gaborflow-input");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The batches of {@code set} in index order, the last one partial: for evaluation. */
  public static Batches inOrder(ImageSamples set, int batchSize) {
    return new Batches(set, batchSize, 0, false, false, 0, 1, defaultWorkers(), 2 * defaultWorkers());
  }

  private static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Batches per epoch: whole ones when training, all when in order. */
  public int stepsPerEpoch() {
    return shuffled ? set.size() / batchSize : (set.size() + batchSize - 1) / batchSize;
  }

  /**
   * Makes batch {@code step} (from 0) of {@code epoch} (from 1) the current one, waiting for it if
   * the workers have not read it yet. Asking for the batches in order keeps the queue full; any
   * other batch may be asked for, after which reading ahead continues from it.
   *
   * @throws io.gaborflow.tensorflow.data.DataFormatException when an image of the batch cannot be
   *     decoded and bad images are not skipped
   */
  public void fill(int epoch, int step) {
    if (epoch != wantedEpoch || step != wantedStep) {
      restartAt(epoch, step);
    }
    queueAhead();
    Future<Batch> next = queued.poll();
    long start = System.nanoTime();
    Batch batch;
    try {
      batch = next.get();
    } catch (ExecutionException e) {
      restartAt(-1, 0);
      if (e.getCause() instanceof RuntimeException problem) {
        throw problem;
      }
      throw new IllegalStateException("reading batch " + step + " of epoch " + epoch + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      restartAt(-1, 0);
      throw new IllegalStateException("interrupted while waiting for batch " + step + " of epoch " + epoch, e);
    } finally {
      waitNanos += System.nanoTime() - start;
    }
    if (current != null) {
      free.add(current);
    }
    current = batch;
    if (skippedEpoch != epoch) {
      skippedEpoch = epoch;
      skipped = 0;
    }
    skipped += batch.skipped;
    wantedStep = step + 1;
    queueAhead();
  }

  /** The images of the current batch, NHWC; the first {@link #count()} are valid. */
  public float[] images() {
    return current.images;
  }

  /** The labels of the current batch; the first {@link #count()} are valid. */
  public int[] labels() {
    return current.labels;
  }

  /**
   * Images in the current batch: the batch size, less the images that could not be decoded and
   * are skipped, and less what the split lacks for the last batch in order.
   */
  public int count() {
    return current.count;
  }

  /** Images left out so far in the epoch of the current batch, because they could not be decoded. */
  public int skippedInEpoch() {
    return skipped;
  }

  /** Total time {@link #fill} has waited for a batch the workers had not finished. */
  public double waitSeconds() {
    return waitNanos / 1e9;
  }

  /** Images per batch: in a cluster, of the global batch, of which this process reads its share. */
  public int batchSize() {
    return batchSize;
  }

  /** Images per batch this process reads: the batch size over the number of shards. */
  private int shardSize() {
    return batchSize / shards;
  }

  /**
   * Stops the worker threads once the batches being read are done (at most one each): they are not
   * interrupted, since an interrupt would close a file channel the split shares, such as a disk
   * cache's.
   */
  @Override
  public void close() {
    restartAt(-1, 0);
    pool.shutdown();
  }

  /** The order of {@code size} training images in {@code epoch}: a shuffle from the seed and the epoch alone. */
  public static int[] order(int size, long seed, int epoch) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Random random = Seeds.batchOrder(seed, epoch);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Forgets what is queued; reading continues from {@code step} of {@code epoch}. */
  private void restartAt(int epoch, int step) {
    for (Future<Batch> pending : queued) {
      // A batch being read keeps its buffers; they are not reused.
      pending.cancel(false);
    }
    queued.clear();
    wantedEpoch = epoch;
    wantedStep = step;
    queuedStep = step;
  }

  /** Queues the batches after the wanted one, up to the depth, within its epoch. */
  private void queueAhead() {
    int steps = stepsPerEpoch();
    while (queued.size() < depth && queuedStep < steps) {
      queued.add(pool.submit(readerOf(wantedEpoch, queuedStep)));
      queuedStep++;
    }
  }

  private Callable<Batch> readerOf(int epoch, int step) {
    int from = step * batchSize + shard * shardSize();
    int count = Math.min(shardSize(), set.size() - from);
    int[] indices = new int[count];
    if (shuffled) {
      if (order == null || orderEpoch != epoch) {
        order = order(set.size(), seed, epoch);
        orderEpoch = epoch;
      }
      System.arraycopy(order, from, indices, 0, count);
    } else {
      for (int i = 0; i < count; i++) {
        indices[i] = from + i;
      }
    }
    int before = shard * shardSize();
    return () -> read(indices, epoch, step, before);
  }

  /**
   * Reads the images at {@code indices} into a free batch, then augments them when asked to, with
   * the draws that follow the {@code before} images of the whole batch that other shards hold.
   */
  private Batch read(int[] indices, int epoch, int step, int before) {
    Batch batch = free.poll();
    if (batch == null) {
      batch = new Batch(new float[shardSize() * set.pixelsPerImage()], new int[shardSize()]);
    }
    int per = set.pixelsPerImage();
    int count = 0;
    for (int index : indices) {
      if (set.read(index, batch.images, count * per)) {
        batch.labels[count++] = set.label(index);
      }
    }
    batch.count = count;
    batch.skipped = indices.length - count;
    if (augment) {
      Augmentation augmentation = new Augmentation(set.height(), set.width(), set.channels(), 4);
      SplittableRandom random = Seeds.augmentation(seed, epoch, step);
      augmentation.skip(random, before);
      augmentation.apply(batch.images, count, random);
    }
    return batch;
  }

  /** Buffers of one batch, reused once the loop has moved past it. */
  private static final class Batch {
    final float[] images;
    final int[] labels;
    int count;
    int skipped;

    Batch(float[] images, int[] labels) {
      this.images = images;
      this.labels = labels;
    }
  }
}
