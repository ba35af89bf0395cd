package io.gaborflow.core.annotation;

import io.gaborflow.core.FilterSupplier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a fixed bank's filters come from when they are not Gabor filters: exactly one of a {@link
 * #supplier()} class, an {@link #npy()} resource, or a {@link #model()} trained before (with the
 * {@link #bank()} to take). The values form an HWIO kernel {@code [size, size, input channels,
 * filters]}: its size must be the {@code @Conv} size and its input channels the layer's. An {@code
 * .npy} resource is checked at compile time; the others when the graph is built.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface FilterSource {
  /** A class with a public no-argument constructor that supplies the values. */
  Class<? extends FilterSupplier> supplier() default FilterSupplier.class;

  /** A class-path resource in NumPy's {@code .npy} format, float32 or float64, C order. */
  String npy() default "";

  /**
   * A gaborflow export ({@code train --export DIR}) or checkpoint directory ({@code
   * --checkpoint-dir DIR}), relative to the working directory.
   */
  String model() default "";

  /** With {@link #model()}: the bank to copy, as {@code layerN/field} ({@code layer1/conv1}). */
  String bank() default "";

  /**
   * The number of filters; needed for {@link #supplier()} and {@link #model()}, whose shape is
   * known only when the graph is built. Read from the file for {@link #npy()}.
   */
  int filters() default 0;
}
