package io.gaborflow.tensorflow.train;

/**
 * Returns native memory that waits for the garbage collector. TensorFlow Java frees part of a
 * step's native buffers only when the Java objects wrapping them are collected, and a training loop
 * allocates too little on the Java heap to trigger a collection for a long time, so resident memory
 * grows. A full collection every {@value #STEPS} steps keeps it flat at a negligible share of the
 * run (the soak benchmark's figures are in bench/README.md).
 */
public final class NativeMemory {
  /** Steps between collections. */
  public static final int STEPS = 2000;

  private NativeMemory() {}

  /** Collects garbage when {@code step} (counted from 1) is a multiple of {@link #STEPS}. */
  public static void reclaimAfter(long step) {
    if (step % STEPS == 0) {
      System.gc();
    }
  }
}
