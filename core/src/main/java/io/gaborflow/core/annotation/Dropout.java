package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Drops each activation with probability {@link #rate()} while training (inverted dropout: the kept
 * ones are scaled by {@code 1 / (1 - rate)}); the identity at evaluation. On a field of type {@link
 * io.gaborflow.core.Layer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {
  /** Layer index, counted from 1. */
  int layer();

  /** Probability of dropping an activation, in [0, 1). */
  double rate();
}
