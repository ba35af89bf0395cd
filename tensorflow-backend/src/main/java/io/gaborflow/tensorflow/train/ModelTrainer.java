package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.distributed.ClusterRuntime;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.List;
import java.util.Set;

/**
 * Trains one model on one data set with one config. The processor generates a subclass per
 * {@code @Network} class with an {@code @Inject} constructor, so a Dagger component provides it.
 */
public abstract class ModelTrainer {
  private final ModelGraph model;
  private final TrainingConfig config;
  private final Dataset data;
  private final TrainingListener progress;

  /** A trainer of {@code model} telling each of {@code listeners} about the run, in their iteration order. */
  protected ModelTrainer(ModelGraph model, TrainingConfig config, Dataset data, Set<TrainingListener> listeners) {
    this.model = model;
    this.config = config;
    this.data = data;
    this.progress = TrainingListener.all(List.copyOf(listeners));
  }

  /** Builds the graph, trains, evaluates and releases the native resources. */
  public TrainingResult train() {
    return train(RunOptions.NONE);
  }

  /** As {@link #train()}, with checkpoints, resuming and export as {@code options} say. */
  public TrainingResult train(RunOptions options) {
    return train(options, List.of());
  }

  /**
   * As {@link #train(RunOptions)}, telling {@code more} listeners (after the injected ones) about
   * the run, such as an {@link EarlyStopping}.
   */
  public TrainingResult train(RunOptions options, List<? extends TrainingListener> more) {
    List<TrainingListener> listeners = new java.util.ArrayList<>(List.of(progress));
    listeners.addAll(more);
    TrainingListener all = TrainingListener.all(listeners);
    if (options.exportDir() != null) {
      ModelExport.requireWritable(options.exportDir());
    }
    Cluster cluster = options.cluster();
    try (ClusterRuntime runtime = cluster == null ? null : ClusterRuntime.start(cluster, options.workerTimeout());
        TrainingSession session = runtime == null
            ? TrainingSession.create(model, config)
            : TrainingSession.create(model, config, runtime)) {
      TrainingResult result = new TrainingLoop(config, all, options).run(session, data);
      if (options.exportDir() != null && session.writesOutputs()) {
        ModelExport.write(session, data, options.exportDir());
      }
      return result;
    }
  }

  /** Trains in a session the caller owns, so it can look at the weights afterwards. */
  public TrainingResult train(TrainingSession session) {
    return new TrainingLoop(config, progress).run(session, data);
  }

  /** A new session for this trainer's model and config; the caller closes it. */
  public TrainingSession newSession() {
    return TrainingSession.create(model, config);
  }

  /** The model it trains. */
  public ModelGraph model() {
    return model;
  }

  /** How it trains. */
  public TrainingConfig config() {
    return config;
  }

  /** What it trains on. */
  public Dataset data() {
    return data;
  }
}
