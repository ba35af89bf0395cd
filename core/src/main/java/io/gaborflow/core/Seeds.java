package io.gaborflow.core;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Every random stream of a run, derived from the run's seed in one place: the first weights, the
 * batch order of each epoch, augmentation and dropout, and the data's subsets and standardisation
 * sample (from the data spec's subset seed). Each depends on the seed and on where it is used alone
 * (never on what ran before), so a run resumed at any epoch draws what an uninterrupted one does.
 */
public final class Seeds {
  private static final long SPREAD = 1_000_003L;
  private static final long EPOCH_SPREAD = 65_537L;

  private Seeds() {}

  /** The stream the first weights are drawn from, split once per variable in creation order. */
  public static SplittableRandom initialWeights(long seed) {
    return new SplittableRandom(seed);
  }

  /** The shuffle of the training images in {@code epoch}. */
  public static Random batchOrder(long seed, int epoch) {
    return new Random(seed * SPREAD + epoch);
  }

  /** The crops and flips of one training step. */
  public static SplittableRandom augmentation(long seed, int epoch, int step) {
    return new SplittableRandom(seed * SPREAD + epoch * EPOCH_SPREAD + step);
  }

  /**
   * The shuffle that picks a class-balanced subset of a split's images (the training split's, or
   * one class).
   */
  public static Random subset(long seed) {
    return new Random(seed);
  }

  /** The subset seed of the test split, from the data spec's subset seed (the training split's). */
  public static long testSubset(long seed) {
    return seed + 1;
  }

  /** Which training images are held out as the validation split. */
  public static Random validationSplit(long seed) {
    return new Random(seed * SPREAD + 7);
  }

  /** The images whose pixels give the standardisation's mean and deviation per channel. */
  public static Random standardizationSample(long seed) {
    return subset(seed);
  }

  /**
   * The noise, fog or mask of one corruption of test image {@code image} at {@code severity}: the
   * same image gets the same corruption whatever else is evaluated, and in whatever order.
   */
  public static long corruption(long seed, String corruption, int severity, int image) {
    return ((seed * SPREAD + corruption.hashCode()) * EPOCH_SPREAD + severity) * SPREAD + image;
  }

  /** The random start of an attack on test image {@code image} at perturbation {@code epsilon}. */
  public static long attackStart(long seed, String attack, double epsilon, int image) {
    return ((seed * SPREAD + attack.hashCode()) * EPOCH_SPREAD + Double.hashCode(epsilon)) * SPREAD
        + image;
  }

  /** The first half of a dropout layer's stateless seed; the global step is the second. */
  public static long dropout(long seed, int layer) {
    return seed * SPREAD + layer;
  }

  /**
   * The first half of the stateless seed of a bank's noise in training (the global step is the
   * second), and the seed of its noise at test: one stream per node {@code layer} and bank.
   */
  public static long bankNoise(long seed, int layer, String bank) {
    return (seed * SPREAD + layer) * SPREAD + bank.hashCode();
  }
}
