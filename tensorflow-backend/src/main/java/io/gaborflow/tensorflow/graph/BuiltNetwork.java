package io.gaborflow.tensorflow.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A network's forward graph.
 *
 * @param images NHWC float input
 * @param training 1 while training (enables dropout), 0 by default
 * @param step the global training step, which seeds dropout masks
 * @param logits one row of class scores per image
 * @param learnables every trained tensor, in layer order
 * @param fixedBanks every fixed Gabor bank, in layer order
 * @param convBanks every convolution bank's name ("layer1/conv1"), in layer and declaration order
 * @param cost multiply-accumulates per training image
 */
public record BuiltNetwork(
    Placeholder<TFloat32> images,
    PlaceholderWithDefault<TFloat32> training,
    PlaceholderWithDefault<TInt64> step,
    Operand<TFloat32> logits,
    List<LearnableVariable> learnables,
    List<FixedBank> fixedBanks,
    List<String> convBanks,
    TrainingCost cost) {

  /** Weights and biases trained every epoch. */
  public long learnableParameters() {
    return learnables.stream().filter(v -> v.window() == null).mapToLong(LearnableVariable::size).sum();
  }

  /**
   * Weights of the Gabor banks (partially trained ones included) counted as the ordinary kernels
   * they are equivalent to.
   */
  public long fixedParameters() {
    return fixedBanks.stream().mapToLong(FixedBank::weights).sum();
  }
}
