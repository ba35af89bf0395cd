package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolution bank whose filters (and one bias per filter) are trained. Goes with {@link Conv} on
 * the same field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Learnable {
  /** Number of filters (output channels) of this bank. */
  int filters();

  /** How the weights start; biases start at zero. */
  Initializer initializer() default Initializer.GLOROT_UNIFORM;
}
