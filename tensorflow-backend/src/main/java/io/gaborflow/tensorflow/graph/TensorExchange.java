package io.gaborflow.tensorflow.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a training step does with the values each worker computes from its own share of the batch
 * (the gradients, batch normalisation's batch statistics) before it uses them: nothing in one
 * process, an average over the workers in a cluster, so every worker updates the same way.
 */
@FunctionalInterface
public interface TensorExchange {
  /** Leaves every value as this process computed it. */
  TensorExchange LOCAL = (tf, local) -> local;

  /** The values to use in place of {@code local}, one for each, in the same order. */
  List<Operand<TFloat32>> exchange(Ops tf, List<Operand<TFloat32>> local);
}
