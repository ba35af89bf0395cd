package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.placement.Placement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a run keeps its checkpoints, puts its exported model and trains; unlike {@link
 * TrainingConfig}, nothing here changes the result. Made with {@link #builder()}, where each
 * default is set.
 *
 * @param checkpointDir where to write a checkpoint after every epoch
 * @param resume continue from the newest checkpoint in {@code checkpointDir}, if there is one
 * @param exportDir where to write a SavedModel after training
 * @param cluster the workers to train with, data-parallel; empty: this process alone. Only worker 0
 *     (the chief) writes checkpoints and the export; every worker resumes from the chief's
 *     checkpoints (a directory they share)
 * @param workerTimeout how long a worker waits for the others in a step before it stops, naming the
 *     workers that do not answer
 * @param metrics figures reported beside loss and accuracy after every evaluation, in this order
 */
public record RunOptions(
    Optional<Path> checkpointDir,
    boolean resume,
    Optional<Path> exportDir,
    Optional<Cluster> cluster,
    Duration workerTimeout,
    List<Metric> metrics) {
  /** The figures every evaluation reports, which no metric may be named. */
  static final Set<String> RESERVED_METRIC_NAMES = Set.of("loss", "accuracy");

  /** No checkpoints, no export, this process alone. */
  public static final RunOptions NONE = builder().build();

  /** Checks that resuming has checkpoints to resume from and that the timeout is positive. */
  public RunOptions {
    if (resume && checkpointDir.isEmpty()) {
      throw new IllegalArgumentException(
          "RunOptions.resume needs RunOptions.checkpointsIn: the checkpoints to resume from");
    }
    if (workerTimeout == null || workerTimeout.isNegative() || workerTimeout.isZero()) {
      throw new IllegalArgumentException(
          "RunOptions.workerTimeout must be positive, got " + workerTimeout);
    }
    metrics = List.copyOf(metrics);
    Set<String> names = new HashSet<>(RESERVED_METRIC_NAMES);
    for (Metric metric : metrics) {
      Metric.checkName(metric.name());
      if (!names.add(metric.name())) {
        throw new IllegalArgumentException(
            "RunOptions.metrics: two metrics, or a metric and a built-in figure, are named "
                + metric.name()
                + "; give each its own name (loss and accuracy are always reported)");
      }
    }
  }

  /**
   * Options with nothing set: no checkpoints, no export, this process alone, a 30 s worker timeout.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.checkpointDir = checkpointDir;
    builder.resume = resume;
    builder.exportDir = exportDir;
    builder.cluster = cluster;
    builder.workerTimeout = workerTimeout;
    builder.metrics.addAll(metrics);
    return builder;
  }

  /** Only an export to {@code directory} after training. */
  public static RunOptions exportTo(Path directory) {
    return builder().exportTo(directory).build();
  }

  /**
   * Checkpoints after every epoch in {@code directory}; {@code resume} continues from the newest.
   */
  public static RunOptions checkpointsIn(Path directory, boolean resume) {
    return builder().checkpointsIn(directory).resume(resume).build();
  }

  /** These options, with an export to {@code directory} after training. */
  public RunOptions withExport(Path directory) {
    return toBuilder().exportTo(directory).build();
  }

  /**
   * These options, training as one worker of {@code cluster}, waiting up to {@code timeout} for the
   * others.
   */
  public RunOptions inCluster(Cluster cluster, Duration timeout) {
    return toBuilder().cluster(cluster).workerTimeout(timeout).build();
  }

  /**
   * Where these options train: this process alone, or its worker of the cluster (which it starts).
   */
  public Placement placement() {
    return cluster.map(c -> Placement.worker(c, workerTimeout)).orElseGet(Placement::local);
  }

  /** Builds {@link RunOptions}. */
  public static final class Builder {
    private Optional<Path> checkpointDir = Optional.empty();
    private boolean resume;
    private Optional<Path> exportDir = Optional.empty();
    private Optional<Cluster> cluster = Optional.empty();
    private Duration workerTimeout = Duration.ofSeconds(30);
    private final List<Metric> metrics = new ArrayList<>();

    private Builder() {}

    /**
     * Also reports {@code metric} after every evaluation (as {@code test/NAME} and {@code
     * validation/NAME}), after those added before.
     */
    public Builder metric(Metric metric) {
      metrics.add(java.util.Objects.requireNonNull(metric, "metric"));
      return this;
    }

    /** Writes a checkpoint after every epoch in {@code directory}. */
    public Builder checkpointsIn(Path directory) {
      this.checkpointDir = Optional.of(directory);
      return this;
    }

    /** Continues from the newest checkpoint, if there is one. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Writes a SavedModel to {@code directory} after training; it must be new or empty. */
    public Builder exportTo(Path directory) {
      this.exportDir = Optional.of(directory);
      return this;
    }

    /** Trains as this process's worker of {@code cluster}. */
    public Builder cluster(Cluster cluster) {
      this.cluster = Optional.of(cluster);
      return this;
    }

    /** How long a worker waits for the others in a step. */
    public Builder workerTimeout(Duration timeout) {
      this.workerTimeout = timeout;
      return this;
    }

    /** The options, checked. */
    public RunOptions build() {
      return new RunOptions(checkpointDir, resume, exportDir, cluster, workerTimeout, metrics);
    }
  }
}
