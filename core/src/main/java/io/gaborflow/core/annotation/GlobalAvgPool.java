package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Averages each channel over all positions, giving a vector with one value per channel. On a field
 * of type {@link io.gaborflow.core.Layer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GlobalAvgPool {
  /** Layer index, counted from 1. */
  int layer();
}
