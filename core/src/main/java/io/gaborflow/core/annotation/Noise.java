package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Noise added to a fixed Gabor bank's responses (after its complex cells, before the layer's
 * activation) in training and at test, as VOneNet's stochastic stage does. A model with noise
 * answers differently each time: evaluate it over enough images, and attack it with gradients
 * averaged over several draws ({@code gaborflow robustness --eot-samples}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Noise {
  /** The kind of noise; none by default. */
  NoiseKind kind() default NoiseKind.NONE;

  /** Its scale: the standard deviation of Gaussian noise, or the factor of Poisson-like noise. */
  double scale() default 1.0;
}
