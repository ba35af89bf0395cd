package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a convolutional network. The annotated class lists its layers as fields, each carrying a
 * layer annotation ({@link Conv}, {@link MaxPool}, {@link AvgPool}, {@link Dense}, {@link Dropout},
 * {@link Flatten}, {@link GlobalAvgPool}) with an explicit layer index; indices run 1, 2, 3, ...
 * without gaps. Several {@link Conv} fields with the same index form one convolution layer whose
 * filter banks are concatenated along channels, in field order.
 *
 * <p>At compile time the gaborflow processor checks the class and generates {@code <Name>Graph}
 * (the TensorFlow graph) and {@code <Name>Trainer} (an injectable trainer) beside it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /** Input height in pixels. */
  int height();

  /** Input width in pixels. */
  int width();

  /** Input channels: 1 for grey images, 3 for colour. */
  int channels();

  /** Number of classes; the last layer must be a {@link Dense} layer with this many units. */
  int classes();

  /**
   * Model name used on the command line and in reports; by default the class name in kebab case.
   */
  String name() default "";
}
