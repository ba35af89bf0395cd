package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.Node;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/**
 * What lowering one node needs: the ops scoped to the node, the pass, the registry, the node itself
 * with its input shape, the run's seed and step for dropout, and where fixed banks from a filter
 * source get their values, and whether every run from one seed must be bit for bit the same.
 *
 * @param number the node's position in the network, from 1
 */
record LoweringContext(
    Ops tf,
    NetworkLowering.Pass pass,
    VariableRegistry registry,
    Node node,
    int number,
    FeatureShape inputShape,
    long seed,
    Operand<TInt64> step,
    Function<FixedTensorBankSpec, TensorSource> sources,
    LoweringOptions options) {

  /** Whether every run from one seed must be bit for bit the same. */
  boolean deterministic() {
    return options.deterministic();
  }

  boolean training() {
    return pass == NetworkLowering.Pass.TRAINING;
  }

  /**
   * The key of this node's variable {@code role} belonging to {@code owner} (a bank or the layer).
   */
  VariableKey key(String owner, VariableKey.Role role) {
    return new VariableKey(node.scope(), owner, role);
  }
}
