package io.gaborflow.tensorflow.placement;

import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.distributed.RunField;
import io.gaborflow.tensorflow.graph.TensorExchange;
import io.gaborflow.tensorflow.runtime.Precision;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * This process alone: an in-process session, gradients used as computed, every output written here.
 */
final class LocalPlacement implements Placement {
  static final LocalPlacement INSTANCE = new LocalPlacement();

  private LocalPlacement() {}

  @Override
  public Session openSession(Graph graph, int threads, Precision precision) {
    return new Session(graph, precision.sessionConfig(threads).build());
  }

  @Override
  public TensorExchange exchange() {
    return TensorExchange.LOCAL;
  }

  @Override
  public BatchPlan share(BatchPlan plan) {
    return plan;
  }

  @Override
  public boolean writesOutputs() {
    return true;
  }

  @Override
  public void requireSameRun(Graph graph, Session session, Supplier<List<RunField>> run) {}

  @Override
  public RuntimeException stepFailed(TensorFlowException failure) {
    return failure;
  }

  @Override
  public Optional<Cluster> cluster() {
    return Optional.empty();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "local";
  }
}
