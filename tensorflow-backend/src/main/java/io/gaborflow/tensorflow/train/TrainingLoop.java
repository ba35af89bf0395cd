package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.core.model.NetworkSpec;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.gaborflow.tensorflow.checkpoint.CheckpointState;
import io.gaborflow.tensorflow.checkpoint.CheckpointStore;

/**
 * Epochs of shuffled mini-batches, each followed by an evaluation on the test set. Batch order
 * comes from the config's seed, so two runs with the same seed see the same batches.
 */
public final class TrainingLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
  private final TrainingConfig config;
  private final TrainingListener progress;
  private final CheckpointStore checkpoints;
  private final boolean resume;

  /** A loop without checkpoints or export. */
  public TrainingLoop(TrainingConfig config, TrainingListener progress) {
    this(config, progress, RunOptions.NONE);
  }

  /** A loop that checkpoints and resumes as {@code options} say. */
  public TrainingLoop(TrainingConfig config, TrainingListener progress, RunOptions options) {
    this.config = config;
    this.progress = progress;
    this.checkpoints = options.checkpointDir() == null ? null : new CheckpointStore(options.checkpointDir());
    this.resume = options.resume();
  }

  /**
   * Initialises {@code session}'s weights from the seed (or, when resuming, from the newest
   * checkpoint) and trains them on {@code data}, checkpointing after every epoch when asked to.
   */
  public TrainingResult run(TrainingSession session, Dataset data) {
    checkCompatible(session.model().spec(), data);
    List<EpochResult> epochs = new ArrayList<>();
    boolean stopped;
    int firstEpoch = 1;
    int firstStep = 0;
    double resumedLossSum = 0;
    Optional<CheckpointStore.Checkpoint> resumed = resume ? checkpoints.latest() : Optional.empty();
    if (resumed.isPresent()) {
      CheckpointState state = resumed.get().state();
      if (state.seed() != config.seed() || state.totalEpochs() != config.epochs()) {
        throw new IllegalArgumentException(
            "checkpoint " + resumed.get().folder() + " belongs to a run with seed " + state.seed() + " and "
                + state.totalEpochs() + " epochs; resume with --seed " + state.seed() + " --epochs "
                + state.totalEpochs() + ", or start afresh without --resume");
      }
      resumed.get().restoreInto(session);
      epochs.addAll(state.epochs());
      firstEpoch = state.epoch() + 1;
      firstStep = state.stepsDone();
      resumedLossSum = state.partialLossSum();
    } else {
      session.initialize(config.seed());
    }
    if (session.cluster().isPresent()) {
      Map<String, String> run = whatTheRunIs(session, data);
      run.put("starting point (every worker must see the chief's checkpoints in its --checkpoint-dir)",
          "epoch " + firstEpoch + ", step " + firstStep);
      session.requireSameRunOnEveryWorker(run);
    }
    ImageSamples train = data.train();
    int batch = config.batchSize();
    // Alone, this process is the one shard of every batch.
    Optional<Cluster> cluster = session.cluster();
    try (Batches batches = Batches.shard(train, batch, config.seed(), config.augment(),
        cluster.map(Cluster::task).orElse(0), cluster.map(Cluster::size).orElse(1))) {
      int steps = batches.stepsPerEpoch();
      if (steps == 0 && config.epochs() > 0) {
        throw new IllegalArgumentException(
            data.name() + " has " + train.size() + " training images, fewer than one batch of " + batch);
      }
      stopped = trainEpochs(session, data, batches, epochs, firstEpoch, firstStep, resumedLossSum);
    }
    Evaluation last =
        epochs.isEmpty()
            ? session.evaluate(data.test(), config.evalBatchSize())
            : new Evaluation(epochs.get(epochs.size() - 1).testLoss(), epochs.get(epochs.size() - 1).testAccuracy(), data.test().size());
    return new TrainingResult(
        session.model().modelName(),
        data.name(),
        config,
        train.size(),
        data.test().size(),
        epochs,
        last,
        session.network().learnableParameters(),
        session.network().fixedParameters(),
        stopped);
  }

  /**
   * Trains from step {@code firstStep} of {@code firstEpoch} to the end of the run, adding each
   * epoch's result to {@code epochs}; true when a stop was asked for before the end. An image that
   * cannot be decoded stops the run after a checkpoint of the steps done, so no work is lost.
   */
  private boolean trainEpochs(TrainingSession session, Dataset data, Batches batches, List<EpochResult> epochs,
      int firstEpoch, int firstStep, double resumedLossSum) {
    int batch = batches.batchSize();
    int steps = batches.stepsPerEpoch();
    long totalSteps = (long) steps * config.epochs();
    RunControl control = new RunControl();
    progress.runStarted(control);
    for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
      progress.epochStarted(epoch, config.epochs(), steps);
      long start = System.nanoTime();
      double waitedBefore = batches.waitSeconds();
      int from = epoch == firstEpoch ? firstStep : 0;
      double lossSum = epoch == firstEpoch ? resumedLossSum : 0;
      for (int step = from; step < steps; step++) {
        try {
          batches.fill(epoch, step);
        } catch (DataFormatException e) {
          saveBeforeFailure(session, epochs, epoch, step, lossSum, e);
          throw e;
        }
        long globalStep = (long) (epoch - 1) * steps + step;
        float rate = config.schedule().rate(config.learningRate(), globalStep, steps, totalSteps);
        if (batches.count() > 0) {
          float loss = session.trainStep(epoch, globalStep, rate, batches.images(), batches.labels(), batches.count());
          NativeMemory.reclaimAfter(globalStep + 1);
          if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, step + 1, loss);
          }
          lossSum += loss;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.stepDone(new StepEvent(epoch, config.epochs(), step + 1, steps, lossSum / (step + 1),
            (step + 1 - from) * batch / seconds, rate));
        if (control.stopRequested() && step + 1 < steps) {
          saveCheckpoint(session, midEpoch(session, epochs, epoch, step + 1, lossSum));
          LOG.info("{}: stopped after step {} of epoch {}", session.model().modelName(), step + 1, epoch);
          return true;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double waited = batches.waitSeconds() - waitedBefore;
      if (batches.skippedInEpoch() > 0) {
        LOG.warn("{}: epoch {} left out {} of {} training images that could not be decoded",
            session.model().modelName(), epoch, batches.skippedInEpoch(), steps * batch);
      }
      Evaluation test;
      try {
        test = session.evaluate(data.test(), config.evalBatchSize());
      } catch (DataFormatException e) {
        saveBeforeFailure(session, epochs, epoch, steps, lossSum, e);
        throw e;
      }
      EpochResult result = new EpochResult(epoch, config.epochs(), seconds, lossSum / steps, test.loss(),
          test.accuracy(), steps * batch, waited);
      epochs.add(result);
      saveCheckpoint(session, new CheckpointState(session.model().modelName(), epoch, config.epochs(),
          config.seed(), session.variableShapes(), epochs));
      LOG.info("{}: {}", session.model().modelName(), result.summary());
      progress.epochDone(result);
      if (control.stopRequested() && epoch < config.epochs()) {
        LOG.info("{}: stopped after epoch {}", session.model().modelName(), epoch);
        return true;
      }
    }
    return false;
  }

  private CheckpointState midEpoch(TrainingSession session, List<EpochResult> epochs, int epoch, int stepsDone,
      double lossSum) {
    return new CheckpointState(session.model().modelName(), epoch - 1, config.epochs(), config.seed(),
        session.variableShapes(), epochs, stepsDone, lossSum);
  }

  /** Keeps the steps done before an unreadable image stopped the run, and says how to go on. */
  private void saveBeforeFailure(TrainingSession session, List<EpochResult> epochs, int epoch, int stepsDone,
      double lossSum, DataFormatException problem) {
    if (checkpoints == null || stepsDone == 0 || !session.writesOutputs()) {
      return;
    }
    saveCheckpoint(session, midEpoch(session, epochs, epoch, stepsDone, lossSum));
    LOG.error("{}: {}; the {} steps of epoch {} done so far are checkpointed: fix or remove the file, or pass"
        + " --skip-bad-files, and go on with --resume", session.model().modelName(), problem.getMessage(),
        stepsDone, epoch);
  }

  /** Writes a checkpoint, unless there is no checkpoint directory or this is a worker other than the chief. */
  private void saveCheckpoint(TrainingSession session, CheckpointState state) {
    if (checkpoints != null && session.writesOutputs()) {
      checkpoints.save(session, state);
    }
  }

  /** What workers of one run must agree on, by name. */
  private Map<String, String> whatTheRunIs(TrainingSession session, Dataset data) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("model", session.model().modelName());
    fields.put("graph", session.variableShapes().toString());
    ImageSamples train = data.train();
    fields.put("data", data.name() + " " + train.size() + "/" + data.test().size() + " images of " + train.height()
        + "x" + train.width() + "x" + train.channels() + ", " + data.classes() + " classes, " + data.standardization());
    fields.put("training settings (epochs, batch, rate, optimizer, seed, augmentation)", List.of(config.epochs(),
        config.batchSize(), config.learningRate(), config.schedule(), config.optimizer(), config.momentum(),
        config.seed(), config.augment(), config.deterministic()).toString());
    return fields;
  }

  private static void checkCompatible(NetworkSpec spec, Dataset data) {
    var input = spec.input();
    String model = spec.modelName();
    ImageSamples train = data.train();
    if (train.height() != input.height() || train.width() != input.width() || train.channels() != input.channels()) {
      throw new IllegalArgumentException(ImageSize.mismatch(model, input.height(), input.width(), input.channels(),
          data.name(), train.height(), train.width(), train.channels()));
    }
    if (data.classes() > spec.classes()) {
      throw new IllegalArgumentException(
          model + " tells " + spec.classes() + " classes apart but " + data.name() + " has labels up to "
              + (data.classes() - 1));
    }
  }
}
