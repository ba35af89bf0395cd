package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One filter bank of a convolution layer. The field also carries either {@link Fixed} or {@link
 * Learnable}, and has type {@link io.gaborflow.core.Bank}. Every bank of one layer must agree on
 * size, stride, padding and activation; the activation applies to the concatenated output.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv {
  /**
   * As {@link #stride()} inside a {@link Block}: the stride of the block's use, in its first repeat
   * (1 in the others).
   */
  int BLOCK_STRIDE = 0;

  /** Layer index, counted from 1. */
  int layer();

  /** Kernel height and width in pixels. */
  int size();

  /** Step between windows; {@link #BLOCK_STRIDE} inside a block takes the block's stride. */
  int stride() default 1;

  /** Whether windows may extend past the edge (SAME, zeros) or not (VALID). */
  Padding padding() default Padding.VALID;

  /** Applied to each bank's output; NONE before batch normalisation. */
  Activation activation() default Activation.RELU;

  /**
   * The layer's total number of filters, all banks together; when given (on any of its banks) the
   * banks must add up to it, so a "half fixed, half learnable" split cannot drift. 0: not checked.
   */
  int filters() default 0;
}
