package io.gaborflow.core.annotation;

/** How an {@link Add} shortcut whose shape differs from the main path's is projected. */
public enum Projection {
  /**
   * A learned 1x1 convolution without bias, strided as needed, then batch normalisation (He et
   * al.'s option B).
   */
  CONV_BN,
  /** A learned 1x1 convolution with bias, strided as needed. */
  CONV,
  /** None: the shapes must match. */
  NONE
}
