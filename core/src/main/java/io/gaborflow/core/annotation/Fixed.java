package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolution bank whose filters never change during training: they are graph constants behind
 * a stop-gradient, have no filter gradient, no optimizer update and no optimizer state. Goes with
 * {@link Conv} on the same field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Fixed {
  /** The Gabor filters of the bank; the kernel size is the {@link Conv#size()} of the field. */
  Gabor gabor();
}
