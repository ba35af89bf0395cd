package io.gaborflow.tensorflow.train;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.checkpoint.CheckpointState;
import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.data.Prefetcher;
import io.gaborflow.tensorflow.distributed.RunField;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.placement.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epochs of shuffled mini-batches, each followed by an evaluation on the test set. Batch order
 * comes from the config's seed, so two runs with the same seed see the same batches.
 */
final class TrainingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
  private final TrainingConfig config;
  private final TrainingListener progress;
  private final Optional<CheckpointStore> checkpoints;
  private final boolean resume;
  private final List<Metric> metrics;

  /** A loop that checkpoints, resumes and reports metrics as {@code options} say. */
  TrainingLoop(TrainingConfig config, TrainingListener progress, RunOptions options) {
    this.config = config;
    this.progress = progress;
    this.checkpoints = options.checkpointDir().map(CheckpointStore::new);
    this.resume = options.resume();
    this.metrics = options.metrics();
  }

  /**
   * Initialises {@code session}'s weights from the seed (or, when resuming, from the newest
   * checkpoint) and trains them on {@code data}, checkpointing after every epoch when asked to.
   */
  TrainingResult run(ModelSession session, Dataset data) {
    checkCompatible(session.spec(), data);
    List<EpochResult> epochs = new ArrayList<>();
    Start start = start(session, epochs);
    Placement placement = session.placement();
    placement.requireSameRun(
        session.graph(),
        session.session(),
        () -> {
          List<RunField> run = new ArrayList<>(whatTheRunIs(session, data));
          run.add(
              RunField.of(
                  "starting point (every worker must see the chief's checkpoints in"
                      + " RunOptions.checkpointsIn)",
                  "epoch " + start.epoch() + ", step " + start.step()));
          return run;
        });
    ImageSamples train = data.train();
    BatchPlan plan =
        placement.share(
            BatchPlan.training(train.size(), config.batchSize(), config.seed(), config.augment()));
    if (plan.stepsPerEpoch() == 0 && config.epochs() > 0) {
      throw new IllegalArgumentException(
          data.name()
              + " has "
              + train.size()
              + " training images, fewer than one batch of "
              + config.batchSize());
    }
    boolean stopped;
    try (Prefetcher batches = new Prefetcher(train, plan)) {
      stopped = trainEpochs(session, data, batches, epochs, start);
    }
    Evaluation last =
        epochs.isEmpty()
            ? session.evaluate(data.test(), config.evalBatchSize(), metrics)
            : new Evaluation(
                epochs.get(epochs.size() - 1).testLoss(),
                epochs.get(epochs.size() - 1).testAccuracy(),
                data.test().size(),
                epochs.get(epochs.size() - 1).metricsOf(EpochResult.TEST));
    return new TrainingResult(
        session.spec().modelName(),
        data.name(),
        config,
        train.size(),
        data.test().size(),
        epochs,
        last,
        session.network().learnableParameters(),
        session.network().fixedParameters(),
        stopped,
        data.validation().map(ImageSamples::size).orElse(0));
  }

  /**
   * Where the run starts: step {@code step} of epoch {@code epoch}, with the loss summed so far in
   * it.
   */
  private record Start(int epoch, int step, double lossSum) {}

  /**
   * Restores the newest checkpoint when resuming, adding its epochs to {@code epochs}; else sets
   * the first weights.
   */
  private Start start(ModelSession session, List<EpochResult> epochs) {
    Optional<CheckpointStore.Checkpoint> resumed =
        resume ? checkpoints.flatMap(CheckpointStore::latest) : Optional.empty();
    if (resumed.isEmpty()) {
      session.initialize(config.seed());
      return new Start(1, 0, 0);
    }
    CheckpointState state = resumed.get().state();
    if (state.seed() != config.seed() || state.totalEpochs() != config.epochs()) {
      throw new IllegalArgumentException(
          "checkpoint "
              + resumed.get().folder()
              + " belongs to a run with seed "
              + state.seed()
              + " and "
              + state.totalEpochs()
              + " epochs; resume with TrainingConfig.seed "
              + state.seed()
              + " and TrainingConfig.epochs "
              + state.totalEpochs()
              + ", or start afresh without RunOptions.resume");
    }
    requireSameRun(resumed.get(), state);
    resumed.get().restoreInto(session.variables());
    epochs.addAll(state.epochs());
    return new Start(state.epoch() + 1, state.stepsDone(), state.partialLossSum());
  }

  /**
   * Refuses to resume from {@code checkpoint} when it was written with other identifying settings
   * ({@link RunIdentity}), naming each with the checkpoint's value and this run's.
   */
  private void requireSameRun(CheckpointStore.Checkpoint checkpoint, CheckpointState state) {
    if (state.run() == null) {
      return; // written before checkpoints recorded their run
    }
    Map<String, String> now = RunIdentity.of(config);
    List<String> differing = new ArrayList<>();
    state
        .run()
        .forEach(
            (setting, then) -> {
              String current = now.get(setting);
              if (current != null && !current.equals(then)) {
                differing.add(setting + " " + then + " (now " + current + ")");
              }
            });
    if (!differing.isEmpty()) {
      throw new IllegalArgumentException(
          "checkpoint "
              + checkpoint.folder()
              + " belongs to a run with "
              + String.join(", ", differing)
              + "; resume with the run's settings, or start afresh without RunOptions.resume");
    }
  }

  /**
   * Trains from {@code start} to the end of the run, adding each epoch's result to {@code epochs};
   * true when a stop was asked for before the end. An image that cannot be decoded stops the run
   * after a checkpoint of the steps done, so no work is lost.
   */
  private boolean trainEpochs(
      ModelSession session,
      Dataset data,
      Prefetcher batches,
      List<EpochResult> epochs,
      Start start) {
    int batch = config.batchSize();
    int steps = batches.plan().stepsPerEpoch();
    long totalSteps = (long) steps * config.epochs();
    String model = session.spec().modelName();
    RunControl control = new RunControl();
    progress.runStarted(control);
    for (int epoch = start.epoch(); epoch <= config.epochs(); epoch++) {
      progress.epochStarted(epoch, config.epochs(), steps);
      long began = System.nanoTime();
      double waitedBefore = batches.waitSeconds();
      int from = epoch == start.epoch() ? start.step() : 0;
      double lossSum = epoch == start.epoch() ? start.lossSum() : 0;
      for (int step = from; step < steps; step++) {
        Batch images;
        try {
          images = batches.next(epoch, step);
        } catch (DataFormatException e) {
          throw saveBeforeFailure(session, epochs, epoch, step, lossSum, e);
        }
        long globalStep = (long) (epoch - 1) * steps + step;
        float rate = config.schedule().rate(config.learningRate(), globalStep, steps, totalSteps);
        double stepLoss = Double.NaN;
        if (images.count() > 0) {
          float loss = session.trainStep(epoch, globalStep, rate, images);
          stepLoss = loss;
          NativeMemory.reclaimAfter(globalStep + 1);
          if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, step + 1, loss);
          }
          lossSum += loss;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        progress.stepDone(
            new StepEvent(
                epoch,
                config.epochs(),
                step + 1,
                steps,
                lossSum / (step + 1),
                (step + 1 - from) * batch / seconds,
                rate,
                stepLoss,
                globalStep));
        if (control.stopRequested() && step + 1 < steps) {
          saveCheckpoint(session, midEpoch(session, epochs, epoch, step + 1, lossSum));
          LOG.info("{}: stopped after step {} of epoch {}", model, step + 1, epoch);
          return true;
        }
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      double waited = batches.waitSeconds() - waitedBefore;
      if (batches.skippedInEpoch() > 0) {
        LOG.warn(
            "{}: epoch {} left out {} of {} training images that could not be decoded",
            model,
            epoch,
            batches.skippedInEpoch(),
            steps * batch);
      }
      Evaluation test;
      Optional<Evaluation> validation;
      try {
        validation =
            data.validation().map(v -> session.evaluate(v, config.evalBatchSize(), metrics));
        test = session.evaluate(data.test(), config.evalBatchSize(), metrics);
      } catch (DataFormatException e) {
        throw saveBeforeFailure(session, epochs, epoch, steps, lossSum, e);
      }
      EpochResult result =
          new EpochResult(
              epoch,
              config.epochs(),
              seconds,
              lossSum / steps,
              test.loss(),
              test.accuracy(),
              steps * batch,
              waited,
              validation.map(Evaluation::loss).orElse(Double.NaN),
              validation.map(Evaluation::accuracy).orElse(Double.NaN),
              EpochResult.metrics(
                  validation.map(Evaluation::metrics).orElse(Map.of()), test.metrics()));
      epochs.add(result);
      CheckpointState state =
          new CheckpointState(
              model,
              epoch,
              config.epochs(),
              config.seed(),
              session.variables().variableShapes(),
              epochs,
              RunIdentity.of(config));
      saveCheckpoint(session, state);
      boolean bestSoFar = EpochResult.bestValidated(epochs).orElse(null) == result;
      if (bestSoFar && session.placement().writesOutputs()) {
        checkpoints.ifPresent(store -> store.saveBest(session.variables(), state));
      }
      LOG.info("{}: {}", model, result.summary());
      progress.epochDone(result, session);
      if (control.stopRequested() && epoch < config.epochs()) {
        LOG.info("{}: stopped after epoch {}", model, epoch);
        return true;
      }
    }
    return false;
  }

  private CheckpointState midEpoch(
      ModelSession session, List<EpochResult> epochs, int epoch, int stepsDone, double lossSum) {
    return new CheckpointState(
        session.spec().modelName(),
        epoch - 1,
        config.epochs(),
        config.seed(),
        session.variables().variableShapes(),
        epochs,
        stepsDone,
        lossSum,
        RunIdentity.of(config));
  }

  /**
   * Keeps the steps done before an unreadable image stopped the run, and says how to go on: the
   * problem to throw.
   */
  private DataFormatException saveBeforeFailure(
      ModelSession session,
      List<EpochResult> epochs,
      int epoch,
      int stepsDone,
      double lossSum,
      DataFormatException problem) {
    if (checkpoints.isEmpty() || stepsDone == 0 || !session.placement().writesOutputs()) {
      return problem;
    }
    saveCheckpoint(session, midEpoch(session, epochs, epoch, stepsDone, lossSum));
    return DataFormatException.withNextStep(
        problem,
        "the "
            + stepsDone
            + " steps of epoch "
            + epoch
            + " done so far are checkpointed: fix or remove the file, or leave bad files out"
            + " (DataSpec.skippingBadFiles), and go on with RunOptions.resume");
  }

  /**
   * Writes a checkpoint, unless there is no checkpoint directory or this process does not write
   * outputs.
   */
  private void saveCheckpoint(ModelSession session, CheckpointState state) {
    if (session.placement().writesOutputs()) {
      checkpoints.ifPresent(store -> store.save(session.variables(), state));
    }
  }

  /** What workers of one run must agree on: model, graph, data and the identifying settings. */
  private List<RunField> whatTheRunIs(ModelSession session, Dataset data) {
    List<RunField> fields = new ArrayList<>();
    fields.add(RunField.of("model", session.spec().modelName()));
    fields.add(RunField.of("graph", session.variables().variableShapes().toString()));
    ImageSamples train = data.train();
    fields.add(
        RunField.of(
            "data",
            data.name()
                + " "
                + train.size()
                + "/"
                + data.test().size()
                + " images of "
                + train.height()
                + "x"
                + train.width()
                + "x"
                + train.channels()
                + ", "
                + data.classes()
                + " classes, "
                + data.standardization()));
    fields.addAll(RunIdentity.fields(config));
    return fields;
  }

  private static void checkCompatible(NetworkSpec spec, Dataset data) {
    var input = spec.input();
    String model = spec.modelName();
    ImageSamples train = data.train();
    if (train.height() != input.height()
        || train.width() != input.width()
        || train.channels() != input.channels()) {
      throw new IllegalArgumentException(
          ImageSize.mismatch(
              model,
              input.height(),
              input.width(),
              input.channels(),
              data.name(),
              train.height(),
              train.width(),
              train.channels()));
    }
    if (data.classes() > spec.classes()) {
      throw new IllegalArgumentException(
          model
              + " tells "
              + spec.classes()
              + " classes apart but "
              + data.name()
              + " has labels up to "
              + (data.classes() - 1));
    }
  }
}
