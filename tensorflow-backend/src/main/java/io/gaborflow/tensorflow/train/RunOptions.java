package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.distributed.Cluster;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a run keeps its checkpoints and puts its exported model; unlike {@link TrainingConfig},
 * nothing here changes the result.
 *
 * @param checkpointDir where to write a checkpoint after every epoch, or {@code null}
 * @param resume continue from the newest checkpoint in {@code checkpointDir}, if there is one
 * @param exportDir where to write a SavedModel after training, or {@code null}
 * @param cluster the workers to train with, data-parallel, or {@code null} to train in this process
 *     alone; only worker 0 (the chief) writes checkpoints and the export, every worker resumes
 *     from the chief's checkpoints (a directory they share)
 * @param workerTimeout how long a worker waits for the others in a step before it stops, naming
 *     the workers that do not answer
 */
public record RunOptions(Path checkpointDir, boolean resume, Path exportDir, Cluster cluster,
    Duration workerTimeout) {
  /** The default of {@link #workerTimeout()}. */
  public static final Duration DEFAULT_WORKER_TIMEOUT = Duration.ofSeconds(30);

  /** No checkpoints, no export. */
  public static final RunOptions NONE = new RunOptions(null, false, null);

  /** Options for training in this process alone. */
  public RunOptions(Path checkpointDir, boolean resume, Path exportDir) {
    this(checkpointDir, resume, exportDir, null, DEFAULT_WORKER_TIMEOUT);
  }

  /** These options, training as one worker of {@code cluster}, waiting up to {@code timeout} for the others. */
  public RunOptions inCluster(Cluster cluster, Duration timeout) {
    return new RunOptions(checkpointDir, resume, exportDir, cluster, timeout);
  }

  /** Only an export to {@code directory} after training. */
  public static RunOptions exportTo(Path directory) {
    return new RunOptions(null, false, directory);
  }

  /** Checkpoints after every epoch in {@code directory}; {@code resume} continues from the newest. */
  public static RunOptions checkpointsIn(Path directory, boolean resume) {
    return new RunOptions(directory, resume, null);
  }

  /** These options, with an export to {@code directory} after training. */
  public RunOptions withExport(Path directory) {
    return new RunOptions(checkpointDir, resume, directory, cluster, workerTimeout);
  }

  /** Checks that resuming has checkpoints to resume from. */
  public RunOptions {
    if (resume && checkpointDir == null) {
      throw new IllegalArgumentException("--resume needs --checkpoint-dir: the checkpoints to resume from");
    }
    if (workerTimeout == null || workerTimeout.isNegative() || workerTimeout.isZero()) {
      throw new IllegalArgumentException("the worker timeout must be positive, got " + workerTimeout);
    }
  }
}
