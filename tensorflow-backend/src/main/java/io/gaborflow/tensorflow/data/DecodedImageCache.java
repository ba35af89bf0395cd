package io.gaborflow.tensorflow.data;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Decoded images kept in memory up to a budget of bytes: the first images decoded are kept until
 * the budget is spent, later ones are decoded again each time. A budget of the split's size keeps
 * every image after the first epoch; a budget of 0 keeps none. The first epoch never waits for the
 * cache: it fills as batches are read.
 */
final class DecodedImageCache {
  private final AtomicReferenceArray<float[]> images;
  private final long budgetBytes;
  private final AtomicLong usedBytes = new AtomicLong();

  DecodedImageCache(int size, long budgetBytes) {
    this.images = new AtomicReferenceArray<>(budgetBytes > 0 ? size : 0);
    this.budgetBytes = budgetBytes;
  }

  /** The pixels of image {@code index}, or {@code null} when they are not kept. */
  float[] get(int index) {
    return budgetBytes > 0 ? images.get(index) : null;
  }

  /**
   * Keeps {@code pixels} for image {@code index} when the budget allows; they must not change
   * after.
   */
  void offer(int index, float[] pixels) {
    if (budgetBytes <= 0) {
      return;
    }
    long bytes = 4L * pixels.length;
    long used = usedBytes.get();
    while (used + bytes <= budgetBytes) {
      if (usedBytes.compareAndSet(used, used + bytes)) {
        if (!images.compareAndSet(index, null, pixels)) {
          usedBytes.addAndGet(-bytes);
        }
        return;
      }
      used = usedBytes.get();
    }
  }

  /** The bytes of pixels kept. */
  long usedBytes() {
    return usedBytes.get();
  }
}
