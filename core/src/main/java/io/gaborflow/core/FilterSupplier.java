package io.gaborflow.core;

/**
 * Supplies the values of a fixed filter bank declared with {@code @Fixed(source
 * = @FilterSource(supplier = ...))}: an HWIO kernel, row-major.
 */
public interface FilterSupplier {
  /** {@code [size, size, input channels, filters]}. */
  int[] shape();

  /** The values, row-major over {@link #shape()}. */
  float[] values();
}
