package io.gaborflow.tensorflow.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One variable of an update step with its gradient, and whether weight decay pulls it towards zero.
 *
 * @param decays whether the rule's weight decay applies to it: learned kernels do; biases,
 *     normalisation scales and offsets, and Gabor banks (unless asked) do not
 * @param rateScale its learning rate as a multiple of the step's (1 for most variables)
 */
public record Trained(
    Variable<TFloat32> variable, Operand<TFloat32> gradient, boolean decays, float rateScale) {
  /** The step's learning rate {@code lr} scaled for this variable. */
  public Operand<TFloat32> rate(org.tensorflow.op.Ops tf, Operand<TFloat32> lr) {
    return rateScale == 1f ? lr : tf.math.mul(lr, tf.constant(rateScale));
  }
}
