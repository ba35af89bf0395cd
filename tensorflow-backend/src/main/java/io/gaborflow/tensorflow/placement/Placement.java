package io.gaborflow.tensorflow.placement;

import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.distributed.RunField;
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
 * Where a model trains: in this process alone, or as one worker of a cluster. The placement owns
 * what differs between the two: the session, what happens to each step's gradients and batch
 * statistics, which part of each batch this process reads, who writes the run's outputs, and how a
 * failed step is reported. Close it after the sessions opened on it.
 */
public sealed interface Placement extends AutoCloseable permits LocalPlacement, WorkerPlacement {
  /** Training in this process alone. */
  static Placement local() {
    return LocalPlacement.INSTANCE;
  }

  /**
   * Training as this process's worker of {@code cluster}: starts its TensorFlow server. A worker
   * that does not answer within {@code timeout} in a step stops the others.
   */
  static Placement worker(Cluster cluster, Duration timeout) {
    return new WorkerPlacement(cluster, timeout);
  }

  /**
   * A session for {@code graph}, running ops on {@code threads} CPU threads each, its arithmetic in
   * {@code precision}.
   */
  Session openSession(Graph graph, int threads, Precision precision);

  /** What is done to each step's gradients and batch statistics before they are used. */
  TensorExchange exchange();

  /** The part of {@code plan}'s batches this process reads. */
  BatchPlan share(BatchPlan plan);

  /**
   * Whether this process writes the run's checkpoints, export and report: alone, or as worker 0.
   */
  boolean writesOutputs();

  /**
   * Refuses to go on unless every worker has the same {@code run} fields (what the run is: model,
   * graph, data, settings), naming those that differ; alone, does nothing and never asks for them.
   */
  void requireSameRun(Graph graph, Session session, Supplier<List<RunField>> run);

  /** What a failed step becomes: TensorFlow's error alone, the lost worker named in a cluster. */
  RuntimeException stepFailed(TensorFlowException failure);

  /** The cluster, when this process is one of its workers. */
  Optional<Cluster> cluster();

  /**
   * Stops what the placement started (a worker's server); sessions opened on it are closed first.
   */
  @Override
  void close();
}
