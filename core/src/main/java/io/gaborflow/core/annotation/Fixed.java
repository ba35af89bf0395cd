package io.gaborflow.core.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolution bank whose filters do not change during training: they are graph constants behind a
 * stop-gradient, have no filter gradient, no optimizer update and no optimizer state. Goes with
 * {@link Conv} on the same field.
 *
 * <p>With {@link #trainableEpochs()} above 0 the bank starts from its Gabor values and trains for
 * that many epochs (the paper's way to win accuracy back), at the {@link #trainableAt()} end of the
 * run; in every other epoch it costs what a fixed bank costs: no filter gradient, no update.
 *
 * <p>With {@link #learn()}, the bank is parametric: its kernels stay Gabor kernels, computed in the
 * graph from per-filter parameters, and the listed parameters learn (five numbers a filter at most,
 * instead of k²·Cin values); the others stay as declared. {@link #trainableEpochs()} then limits
 * the epochs in which they learn.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Fixed {
  /**
   * The Gabor filters of the bank; the kernel size is the {@link Conv#size()} of the field. Give
   * either this or {@link #source()}.
   */
  Gabor gabor() default @Gabor;

  /**
   * Filters from elsewhere (explicit values, a file, an earlier model), instead of {@link
   * #gabor()}.
   */
  FilterSource source() default @FilterSource;

  /** Epochs in which the bank trains; 0 (the default) keeps it fixed for the whole run. */
  int trainableEpochs() default 0;

  /** Whether those epochs are the first or the last ones of the run. */
  TrainableAt trainableAt() default TrainableAt.START;

  /**
   * The Gabor parameters that learn, making the bank parametric (see above); none by default. Only
   * for {@link #gabor()} banks; each parameter at most once.
   */
  GaborParameter[] learn() default {};

  /**
   * VOneNet's complex cells (Dapello et al. 2020): beside the bank's simple cells, one more output
   * channel per quadrature pair, two filters of the same orientation and wavelength whose phases
   * differ by 90°, holding the pair's energy {@code sqrt(a² + b²)}: a response to an edge that does
   * not depend on where exactly it lies. Only for {@link #gabor()} banks with such pairs, and not
   * with a learned phase.
   */
  boolean complexCells() default false;

  /** Noise after the bank (and its complex cells), in training and at test; none by default. */
  Noise noise() default @Noise;
}
