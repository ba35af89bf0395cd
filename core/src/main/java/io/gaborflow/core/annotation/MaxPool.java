package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Max pooling over {@code size x size} windows. On a field of type {@link io.gaborflow.core.Layer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool {
  /** Layer index, counted from 1. */
  int layer();

  /** Window height and width in pixels. */
  int size();

  /** Step between windows; 0 means the window size (non-overlapping windows). */
  int stride() default 0;

  /** Whether windows may extend past the edge (SAME) or not (VALID). */
  Padding padding() default Padding.VALID;
}
