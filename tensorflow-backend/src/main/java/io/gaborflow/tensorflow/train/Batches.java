package io.gaborflow.tensorflow.train;

import io.gaborflow.core.Seeds;
import io.gaborflow.tensorflow.data.ImageSet;
import java.util.Random;

/**
 * The mini-batches of a training set: in each epoch a shuffle drawn from the seed and the epoch
 * alone (so a run resumed at any epoch sees the batches an uninterrupted one does), the last
 * partial batch dropped, each batch augmented with a stream of its own when augmentation is on.
 * The training loop, {@code soak} and {@code perf} all take their batches from here. Reuses one
 * buffer: a batch is valid until the next is filled.
 */
public final class Batches {
  private final ImageSet set;
  private final int batchSize;
  private final long seed;
  private final Augmentation augmentation;
  private final float[] images;
  private final int[] labels;
  private int orderEpoch;
  private int[] order;

  /** The batches of {@code set}; with {@code augment}, random crops and flips (see {@link Augmentation}). */
  public Batches(ImageSet set, int batchSize, long seed, boolean augment) {
    this.set = set;
    this.batchSize = batchSize;
    this.seed = seed;
    this.augmentation = augment ? new Augmentation(set.height(), set.width(), set.channels(), 4) : null;
    this.images = new float[batchSize * set.pixelsPerImage()];
    this.labels = new int[batchSize];
  }

  /** Whole batches per epoch. */
  public int stepsPerEpoch() {
    return set.size() / batchSize;
  }

  /** Fills the buffers with batch {@code step} (from 0) of {@code epoch} (from 1). */
  public void fill(int epoch, int step) {
    if (order == null || orderEpoch != epoch) {
      order = order(set.size(), seed, epoch);
      orderEpoch = epoch;
    }
    set.copyBatch(order, step * batchSize, batchSize, images, labels);
    if (augmentation != null) {
      augmentation.apply(images, batchSize, Seeds.augmentation(seed, epoch, step));
    }
  }

  /** The images of the batch last filled, NHWC. */
  public float[] images() {
    return images;
  }

  /** The labels of the batch last filled. */
  public int[] labels() {
    return labels;
  }

  /** Images per batch. */
  public int batchSize() {
    return batchSize;
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
}
