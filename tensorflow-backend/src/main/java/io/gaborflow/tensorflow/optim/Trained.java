package io.gaborflow.tensorflow.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One variable of an update step with its gradient, and whether weight decay pulls it towards zero.
 *
 * @param decays whether the rule's weight decay applies to it: learned kernels do; biases,
 *     normalisation scales and offsets, and Gabor banks (unless asked) do not
 */
public record Trained(Variable<TFloat32> variable, Operand<TFloat32> gradient, boolean decays) {}
