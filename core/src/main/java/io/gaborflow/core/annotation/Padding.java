package io.gaborflow.core.annotation;

/** Convolution and pooling border handling, as in TensorFlow. */
public enum Padding {
  /**
   * Only positions where the window fits inside the input: output = (input - size) / stride + 1.
   */
  VALID,
  /** Zero padding so that output = ceil(input / stride). */
  SAME
}
