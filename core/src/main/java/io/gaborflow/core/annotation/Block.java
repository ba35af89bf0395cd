package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a reusable block of layers, such as a residual block. The class lists its layers as
 * fields, exactly as a {@link Network} does, numbered from 1; a network uses it with {@link Blocks}
 * on a field whose type is the block class.
 *
 * <p>The filter counts of the block's banks are those of a use at {@link #width()}; a use at
 * another width scales every bank by the same factor (a Gabor bank by adding or removing
 * orientations). A convolution with {@code stride = Conv.BLOCK_STRIDE} takes the stride of the use,
 * in its first repeat; every other repeat has stride 1.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Block {
  /** The width the banks' filter counts are declared for. */
  int width();
}
