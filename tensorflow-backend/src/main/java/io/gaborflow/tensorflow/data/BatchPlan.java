package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.util.Random;

/**
 * Which images make each batch of a split: for training, each epoch's order is a shuffle drawn from
 * the seed and the epoch alone (so a run resumed at any step sees the batches an uninterrupted one
 * does), the last partial batch is dropped and, in a cluster, each worker takes its shard of every
 * global batch; for evaluation the images come in index order, the last batch partial.
 *
 * @param size images in the split
 * @param batchSize images per batch; in a cluster, of the global batch
 * @param seed the seed of the shuffle and of augmentation
 * @param shuffled training order (shuffled, whole batches) or evaluation order
 * @param augment random crops and flips of training images ({@link Augmentation})
 * @param shard which part of each batch this process reads, from 0
 * @param shards how many parts each batch has: the workers of the cluster, 1 alone
 */
public record BatchPlan(
    int size, int batchSize, long seed, boolean shuffled, boolean augment, int shard, int shards) {
  /** Pixels of zero padding around an image before its random crop. */
  static final int CROP_PADDING = 4;

  /** Checks the plan, naming the setting that is wrong. */
  public BatchPlan {
    if (size < 0 || batchSize < 1) {
      throw new IllegalArgumentException(
          "a batch plan needs a split of 0 or more images and a batch size of at least"
              + " 1, got "
              + size
              + " images and batches of "
              + batchSize);
    }
    if (shards < 1 || shard < 0 || shard >= shards || batchSize % shards != 0) {
      throw new IllegalArgumentException(
          "a batch of "
              + batchSize
              + " images does not split evenly over "
              + shards
              + " workers; use a batch size that is a multiple of "
              + shards);
    }
  }

  /** The training batches of a split of {@code size} images, read by this process alone. */
  public static BatchPlan training(int size, int batchSize, long seed, boolean augment) {
    return new BatchPlan(size, batchSize, seed, true, augment, 0, 1);
  }

  /**
   * The batches of a split of {@code size} images in index order, the last one partial: for
   * evaluation.
   */
  public static BatchPlan inOrder(int size, int batchSize) {
    return new BatchPlan(size, batchSize, 0, false, false, 0, 1);
  }

  /**
   * Part {@code shard} of {@code shards} of each batch: the images and augmentation that part has
   * in the batches of one process with the whole batch, so that workers of a cluster together train
   * on exactly those batches.
   */
  public BatchPlan shard(int shard, int shards) {
    return new BatchPlan(size, batchSize, seed, shuffled, augment, shard, shards);
  }

  /** Batches per epoch: whole ones when training, all when in order. */
  public int stepsPerEpoch() {
    return shuffled ? size / batchSize : (size + batchSize - 1) / batchSize;
  }

  /** Images per batch this process reads: the batch size over the shards. */
  public int shardSize() {
    return batchSize / shards;
  }

  /**
   * Images of the whole batch that come before this process's shard: their augmentation draws come
   * first.
   */
  int imagesBeforeShard() {
    return shard * shardSize();
  }

  /**
   * The indices into the split of this process's images in batch {@code step} (from 0) of {@code
   * epoch} (from 1).
   */
  int[] indices(int epoch, int step, int[] epochOrder) {
    int from = step * batchSize + imagesBeforeShard();
    int count = Math.max(0, Math.min(shardSize(), size - from));
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = shuffled ? epochOrder[from + i] : from + i;
    }
    return indices;
  }

  /**
   * The order of {@code size} training images in {@code epoch}: a shuffle from the seed and the
   * epoch alone.
   */
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
