package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batches of a {@link BatchPlan}, read ahead on worker threads: a pool of threads reads
 * (decodes, when images come from files) and augments whole batches into at most a fixed number of
 * recycled buffers queued ahead of the one in use, so memory is set by the batch size and the
 * depth, not by the split's size. Batches come in the order asked for, so they are the same
 * whatever the threads do. Training, evaluation and the command line's tools all read through here.
 * Close it to stop its threads.
 */
public final class Prefetcher implements AutoCloseable {
  private final ImageSamples set;
  private final BatchPlan plan;
  private final int depth;
  private final ExecutorService pool;
  private final ArrayDeque<Future<Batch>> queued = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Batch> free = new ConcurrentLinkedQueue<>();
  private int orderEpoch;
  private int[] order;

  /** The batch {@link #next} is expected to be asked for, and the next one to queue. */
  private int wantedEpoch = -1;

  private int wantedStep;
  private int queuedStep;
  private Batch current;
  private long waitNanos;
  private int skippedEpoch;
  private int skipped;

  /**
   * The batches of {@code plan} over {@code set}, read by one thread per core, twice as many
   * queued.
   */
  public Prefetcher(ImageSamples set, BatchPlan plan) {
    this(set, plan, defaultWorkers(), 2 * defaultWorkers());
  }

  /**
   * As {@link #Prefetcher(ImageSamples, BatchPlan)}, with {@code workers} threads and {@code depth}
   * batches queued.
   */
  public Prefetcher(ImageSamples set, BatchPlan plan, int workers, int depth) {
    if (workers < 1 || depth < 1) {
      throw new IllegalArgumentException(
          "a prefetcher needs at least 1 worker and a depth of at least 1, got "
              + workers
              + " and "
              + depth);
    }
    if (plan.size() != set.size()) {
      throw new IllegalArgumentException(
          "the batch plan is for " + plan.size() + " images but the split has " + set.size());
    }
    this.set = set;
    this.plan = plan;
    this.depth = depth;
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            runnable -> {
              Thread thread = new Thread(runnable, "gaborflow-input");
              thread.setDaemon(true);
              return thread;
            });
  }

  private static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** What it reads. */
  public BatchPlan plan() {
    return plan;
  }

  /**
   * Batch {@code step} (from 0) of {@code epoch} (from 1), waiting for it if the workers have not
   * read it yet; the batch taken before it may be reused from now on. Asking for the batches in
   * order keeps the queue full; any other batch may be asked for, after which reading ahead
   * continues from it.
   *
   * @throws DataFormatException when an image of the batch cannot be decoded and bad images are not
   *     skipped
   */
  public Batch next(int epoch, int step) {
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
      throw new IllegalStateException(
          "reading batch " + step + " of epoch " + epoch + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      restartAt(-1, 0);
      throw new IllegalStateException(
          "interrupted while waiting for batch " + step + " of epoch " + epoch, e);
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
    skipped += batch.skipped();
    wantedStep = step + 1;
    queueAhead();
    return batch;
  }

  /**
   * Images left out so far in the epoch of the last batch taken, because they could not be decoded.
   */
  public int skippedInEpoch() {
    return skipped;
  }

  /** Total time {@link #next} has waited for a batch the workers had not finished. */
  public double waitSeconds() {
    return waitNanos / 1e9;
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
    int steps = plan.stepsPerEpoch();
    while (queued.size() < depth && queuedStep < steps) {
      queued.add(pool.submit(readerOf(wantedEpoch, queuedStep)));
      queuedStep++;
    }
  }

  private Callable<Batch> readerOf(int epoch, int step) {
    if (plan.shuffled() && (order == null || orderEpoch != epoch)) {
      order = BatchPlan.order(set.size(), plan.seed(), epoch);
      orderEpoch = epoch;
    }
    int[] indices = plan.indices(epoch, step, order);
    return () -> read(indices, epoch, step);
  }

  /**
   * Reads the images at {@code indices} into a free batch, then augments them when asked to, with
   * the draws that follow those of the images of the whole batch that other shards hold.
   */
  private Batch read(int[] indices, int epoch, int step) {
    Batch batch = free.poll();
    if (batch == null) {
      batch = new Batch(plan.shardSize(), set.pixelsPerImage());
    }
    int per = set.pixelsPerImage();
    int count = 0;
    for (int index : indices) {
      if (set.read(index, batch.images(), count * per)) {
        batch.labels()[count++] = set.label(index);
      }
    }
    batch.filled(count, indices.length - count);
    if (plan.augment()) {
      Augmentation augmentation =
          new Augmentation(set.height(), set.width(), set.channels(), BatchPlan.CROP_PADDING);
      SplittableRandom random = Seeds.augmentation(plan.seed(), epoch, step);
      augmentation.skip(random, plan.imagesBeforeShard());
      augmentation.apply(batch.images(), count, random);
    }
    return batch;
  }
}
