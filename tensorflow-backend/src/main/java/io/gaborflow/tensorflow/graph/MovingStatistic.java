package io.gaborflow.tensorflow.graph;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A batch normalisation's moving mean or variance: a variable the training step updates, which the
 * optimizer never sees, saved in checkpoints and exports with the weights.
 *
 * @param start the value every element starts at (0 for a mean, 1 for a variance)
 */
public record MovingStatistic(
    VariableKey key, Variable<TFloat32> variable, Shape shape, float start) {
  /** Its start value in every element. */
  public float[] initialValues() {
    return LearnableVariable.filled(shape.size(), start);
  }
}
