package io.gaborflow.cli;

import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.train.RunOptions;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags that make a process one worker of a data-parallel cluster (train, perf). */
final class ClusterOptions {
  @Option(
      names = "--cluster",
      paramLabel = "HOST:PORT,...",
      description =
          "Train data-parallel with these worker processes (worker 0 is the chief); without it, the"
              + " TF_CONFIG environment variable is read when set, as TensorFlow does.")
  String cluster;

  @Option(
      names = "--task",
      paramLabel = "I",
      description = "This process's index in --cluster (default: ${DEFAULT-VALUE}).")
  int task;

  @Option(
      names = "--worker-timeout",
      paramLabel = "SECONDS",
      description =
          "How long a worker waits for the others in a step before it stops (default: ${DEFAULT-VALUE}).")
  long workerTimeoutSeconds = RunOptions.NONE.workerTimeout().toSeconds();

  /** The cluster the flags or TF_CONFIG name, if any. */
  Optional<Cluster> cluster() {
    return cluster != null ? Optional.of(Cluster.of(cluster, task)) : Cluster.fromEnvironment();
  }

  /** How long a worker waits for the others. */
  Duration timeout() {
    return Duration.ofSeconds(workerTimeoutSeconds);
  }
}
