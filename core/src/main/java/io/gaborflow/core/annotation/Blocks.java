package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uses a {@link Block} {@link #count()} times in a row as one layer of a network. The field's type
 * is the block class. The first repeat has {@link #stride()}, the others stride 1; every repeat has
 * {@link #width()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Blocks {
  /** Layer index, counted from 1. */
  int layer();

  /** How many times the block repeats. */
  int count() default 1;

  /** The width of every repeat; 0: the block's declared width. */
  int width() default 0;

  /** The stride of the first repeat's {@code Conv.BLOCK_STRIDE} convolutions. */
  int stride() default 1;
}
