package io.gaborflow.cli;

import io.gaborflow.cli.progress.ConsoleProgress;
import io.gaborflow.cli.report.RunReport;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.summary.TensorBoardListener;
import io.gaborflow.tensorflow.train.EarlyStopping;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a model and prints its test accuracy.",
    sortOptions = false)
public final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      paramLabel = "NAME",
      completionCandidates = ModelNames.class,
      description =
          "Model to train: ${COMPLETION-CANDIDATES}, or the class name of your own @Network class"
              + " on GABORFLOW_CLASSPATH (default: ${DEFAULT-VALUE}).")
  String model = GaborLeNetGraph.MODEL_NAME;

  @Mixin RecipeOption recipe = new RecipeOption();

  @Mixin DataOptions dataOptions = new DataOptions();

  @Mixin StepOptions stepOptions = new StepOptions();

  @Option(
      names = "--epochs",
      description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingConfig.DEFAULTS.epochs();

  @Option(
      names = "--seed",
      description = "Seeds weights, batch order and dropout (default: ${DEFAULT-VALUE}).")
  long seed = TrainingConfig.DEFAULTS.seed();

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the run's figures as JSON.")
  Path report;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description = "Write a checkpoint after every epoch; the last good one survives a crash.")
  Path checkpointDir;

  @Option(
      names = "--resume",
      description = "Continue from the newest checkpoint in --checkpoint-dir.")
  boolean resume;

  @Option(
      names = "--early-stopping",
      paramLabel = "EPOCHS",
      description =
          "Stop once the evaluation after an epoch has not improved for this many epochs.")
  int earlyStoppingPatience;

  @Option(
      names = "--early-stopping-metric",
      description =
          "What --early-stopping watches: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  EarlyStopping.Metric earlyStoppingMetric = EarlyStopping.Metric.LOSS;

  @Mixin ClusterOptions clusterOptions = new ClusterOptions();

  @Option(
      names = "--tensorboard",
      paramLabel = "DIR",
      description =
          "Write the run's curves (loss, rate and speed per step; losses and accuracies per epoch)"
              + " as TensorBoard event files in DIR; a cluster writes them from worker 0.")
  Path tensorboard;

  @Option(
      names = "--export",
      paramLabel = "DIR",
      description =
          "Write the trained model as a TensorFlow SavedModel (for 'predict', 'filters' and Python).")
  Path export;

  @Override
  public Integer call() {
    String recipeLine = recipe.apply();
    TrainingConfig config = stepOptions.config().epochs(epochs).seed(seed).build();
    DataSpec spec = dataOptions.spec(ModelCatalog.graph(model).spec().input(), seed);
    if (report != null) {
      RunReport.requireWritable(report);
    }
    RunOptions.Builder run =
        RunOptions.builder().resume(resume).workerTimeout(clusterOptions.timeout());
    if (checkpointDir != null) {
      run.checkpointsIn(checkpointDir);
    }
    if (export != null) {
      run.exportTo(export);
    }
    Optional<Cluster> workers = clusterOptions.cluster();
    workers.ifPresent(run::cluster);
    RunOptions options = run.build();
    FirstStepClock firstStep = new FirstStepClock();
    List<TrainingListener> more = new ArrayList<>(List.of(ConsoleProgress.forConsole(), firstStep));
    TensorBoardListener board = null;
    if (tensorboard != null && workers.map(Cluster::chief).orElse(true)) {
      board = new TensorBoardListener(tensorboard);
      more.add(board);
    }
    if (earlyStoppingPatience > 0) {
      more.add(new EarlyStopping(earlyStoppingMetric, earlyStoppingPatience, 0));
    }
    TrainingResult result;
    try {
      result = ModelCatalog.trainer(model, config, spec).train(options, more);
    } finally {
      if (board != null) {
        board.close();
      }
    }
    if (board != null) {
      System.out.println("TensorBoard events written to " + board.file());
    }
    firstStep.print(System.out);
    if (workers.isPresent() && !workers.get().chief()) {
      System.out.printf(
          "worker %d of %d done; worker 0 reports, checkpoints and exports%n",
          workers.get().task(), workers.get().size());
      return 0;
    }
    workers.ifPresent(
        c ->
            System.out.printf(
                "trained on %d workers, global batch %d (%d per worker)%n",
                c.size(), config.batchSize(), config.batchSize() / c.size()));
    System.out.printf(
        "%s on %s: test accuracy %.4f after %d epochs (%,d learnable and %,d fixed parameters)%n",
        result.model(),
        result.dataset(),
        result.testAccuracy(),
        result.epochs().size(),
        result.learnableParameters(),
        result.fixedParameters());
    result
        .bestValidationEpoch()
        .ifPresent(
            best ->
                System.out.printf(
                    "best validation accuracy %.4f after epoch %d (test accuracy %.4f then)%s%n",
                    best.validationAccuracy(),
                    best.epoch(),
                    best.testAccuracy(),
                    checkpointDir == null
                        ? ""
                        : "; its checkpoint is "
                            + checkpointDir.resolve("best-epoch-" + best.epoch())));
    if (export != null) {
      System.out.println("model exported to " + export);
    }
    if (report != null) {
      RunReport.write(
          result, new RunReport.Context(recipeLine, workers.map(Cluster::size).orElse(1)), report);
      System.out.println("report written to " + report);
    }
    return 0;
  }

  /** The model names, for help and shell completion. */
  static final class ModelNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ModelCatalog.names().iterator();
    }
  }
}
