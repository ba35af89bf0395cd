package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A shortcut: the element-wise sum of the layer before it and an earlier output, then the
 * activation. The earlier output is the input of the enclosing {@link Block} (or of the network) by
 * default, or the layer declared by the field named in {@link #from()}.
 *
 * <p>Where the shapes match the shortcut is the identity; where the shortcut has more positions or
 * other channels it passes through a 1x1 projection first, as {@link #projection()} says. On a
 * field of type {@link io.gaborflow.core.Layer}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {
  /** Layer index, counted from 1. */
  int layer();

  /** The field whose output is added; empty: the input of the block or network. */
  String from() default "";

  /** How a shortcut of another shape is brought to the shape of the layer before. */
  Projection projection() default Projection.CONV_BN;

  /** Applied to the sum. */
  Activation activation() default Activation.RELU;
}
