package io.gaborflow.tensorflow.placement;

import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.distributed.ClusterRuntime;
import io.gaborflow.tensorflow.distributed.RunField;
import io.gaborflow.tensorflow.distributed.WorkerLostException;
import io.gaborflow.tensorflow.graph.TensorExchange;
import io.gaborflow.tensorflow.runtime.Precision;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * One worker of a cluster: a session on this worker's TensorFlow server, gradients and batch
 * statistics averaged over the workers, this worker's shard of every batch, outputs written by
 * worker 0 only, a failed step reported as the worker that was lost.
 */
final class WorkerPlacement implements Placement {
  private final ClusterRuntime runtime;

  WorkerPlacement(Cluster cluster, Duration timeout) {
    this.runtime = ClusterRuntime.start(cluster, timeout);
  }

  @Override
  public Session openSession(Graph graph, int threads, Precision precision) {
    return runtime.openSession(graph, threads, precision);
  }

  @Override
  public TensorExchange exchange() {
    return runtime::mean;
  }

  @Override
  public BatchPlan share(BatchPlan plan) {
    return plan.shard(runtime.cluster().task(), runtime.cluster().size());
  }

  @Override
  public boolean writesOutputs() {
    return runtime.cluster().chief();
  }

  @Override
  public void requireSameRun(Graph graph, Session session, Supplier<List<RunField>> run) {
    List<String> differing = runtime.disagreements(graph, session, run.get());
    if (!differing.isEmpty()) {
      throw new IllegalArgumentException(
          "worker "
              + runtime.cluster().task()
              + " refuses to train: the workers"
              + " differ in "
              + String.join("; ", differing)
              + "; start every worker with the same model, data and"
              + " settings");
    }
  }

  @Override
  public RuntimeException stepFailed(TensorFlowException failure) {
    return WorkerLostException.of(runtime.cluster(), runtime.timeout(), failure);
  }

  @Override
  public Optional<Cluster> cluster() {
    return Optional.of(runtime.cluster());
  }

  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "worker " + runtime.cluster().task() + " of " + runtime.cluster().size();
  }
}
