package io.gaborflow.core.annotation;

/** What is done to each 2-D Gabor kernel after it is computed. */
public enum Normalization {
  /** The kernel exactly as {@code cv::getGaborKernel} gives it. */
  NONE,
  /** Subtract the kernel's mean, then divide by its L2 norm (a flat response to flat input). */
  ZERO_MEAN_UNIT_NORM
}
