package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) of its input, per channel: while training with the
 * batch's mean and variance, at evaluation and in an export with moving averages of them, which the
 * training step updates. A learned scale (γ) and offset (β) follow, then the activation.
 *
 * <p>A convolution directly below it has no bias: β takes its place. It must come after a
 * convolution or dense layer. On a field of type {@link io.gaborflow.core.Layer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {
  /** Layer index, counted from 1. */
  int layer();

  /** Weight of the old value in each moving-average update (Keras' default, 0.99). */
  double momentum() default 0.99;

  /** Added to the variance before its square root (Keras' default, 0.001). */
  double epsilon() default 0.001;

  /** Applied after the scale and offset. */
  Activation activation() default Activation.NONE;
}
