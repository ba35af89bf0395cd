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

  /**
   * A fixed Gabor basis for the bank's spatial kernels, or none (the default: every kernel value
   * learns). With one, each of the basis's kernels is applied to every input channel on its own (a
   * depthwise convolution of constants, with no filter gradient and no variable), and the bank
   * learns only how to mix those {@code Cin x kernels} responses into its {@code filters} outputs
   * (a 1x1 convolution): Jacobsen et al.'s structured receptive fields, Pérez et al.'s depthwise
   * Gabor and 1x1. The {@code @Gabor}'s coverage does not apply; give at most one.
   */
  Gabor[] basis() default {};
}
