package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Trains one model on one data set with one config: the way to train from Java. The processor
 * generates a subclass per {@code @Network} class with an {@code @Inject} constructor, so a Dagger
 * component provides it; {@link #of} makes one without Dagger.
 */
public abstract class ModelTrainer {
  private final ModelGraph model;
  private final TrainingConfig config;
  private final Dataset data;
  private final TrainingListener progress;

  /**
   * A trainer of {@code model} telling each of {@code listeners} about the run, in their iteration
   * order.
   */
  protected ModelTrainer(
      ModelGraph model, TrainingConfig config, Dataset data, Set<TrainingListener> listeners) {
    this.model = model;
    this.config = config;
    this.data = data;
    this.progress = TrainingListener.all(List.copyOf(listeners));
  }

  /** A trainer of {@code model} on {@code data} with {@code config}, telling no listener. */
  public static ModelTrainer of(ModelGraph model, TrainingConfig config, Dataset data) {
    return new ModelTrainer(model, config, data, Set.of()) {};
  }

  /** Builds the graph, trains, evaluates and releases the native resources. */
  public TrainingResult train() {
    return train(RunOptions.NONE);
  }

  /** As {@link #train()}, with checkpoints, resuming, export and cluster as {@code options} say. */
  public TrainingResult train(RunOptions options) {
    return train(options, List.of());
  }

  /**
   * As {@link #train(RunOptions)}, telling {@code more} listeners (after the injected ones) about
   * the run, such as an {@link EarlyStopping}.
   */
  public TrainingResult train(RunOptions options, List<? extends TrainingListener> more) {
    options.exportDir().ifPresent(ModelExport::requireWritable);
    try (Placement placement = options.placement();
        ModelSession session = ModelSession.open(model, config, placement)) {
      return train(session, options, more);
    }
  }

  /**
   * Trains in {@code session}, which the caller opened ({@link #openSession()}) and closes, so it
   * can look at the weights afterwards; checkpoints and export as {@code options} say (the
   * session's placement, not the options' cluster, says where it trains).
   */
  public TrainingResult train(
      ModelSession session, RunOptions options, List<? extends TrainingListener> more) {
    if (session.model() != model || !session.config().equals(config)) {
      throw new IllegalArgumentException(
          "the session was opened for "
              + session.spec().modelName()
              + " with "
              + session.config()
              + ", not for this trainer's "
              + model.spec().modelName()
              + " with "
              + config
              + "; open it with ModelTrainer.openSession()");
    }
    options.exportDir().ifPresent(ModelExport::requireWritable);
    List<TrainingListener> listeners = new ArrayList<>(List.of(progress));
    listeners.addAll(more);
    TrainingResult result =
        new TrainingLoop(config, TrainingListener.all(listeners), options).run(session, data);
    if (session.placement().writesOutputs()) {
      options.exportDir().ifPresent(dir -> ModelExport.write(session.servable(), data, dir));
    }
    return result;
  }

  /** A session of this trainer's model and config in this process; the caller closes it. */
  public ModelSession openSession() {
    return ModelSession.open(model, config);
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
