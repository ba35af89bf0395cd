package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer; a spatial input is flattened first. Its weights and bias are always
 * learned. The last layer of a network is a {@code Dense} layer with {@link Network#classes()}
 * units and {@link Activation#NONE}: it gives the logits. On a field of type {@link
 * io.gaborflow.core.Layer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
  /** Layer index, counted from 1. */
  int layer();

  /** Output units; the number of classes for the last layer. */
  int units();

  /** Applied to the output; NONE for the logits. */
  Activation activation() default Activation.RELU;

  /** How the weights start; biases start at zero. */
  Initializer initializer() default Initializer.GLOROT_UNIFORM;
}
