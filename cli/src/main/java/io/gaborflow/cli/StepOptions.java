package io.gaborflow.cli;

import io.gaborflow.tensorflow.train.LearningRateSchedule;
import io.gaborflow.tensorflow.train.OptimizerKind;
import io.gaborflow.tensorflow.train.TrainingConfig;
import picocli.CommandLine.Option;

/** How each training step runs: the flags shared by train, bench, perf and soak. */
final class StepOptions {
  @Option(names = "--batch-size", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batchSize = TrainingConfig.DEFAULTS.batchSize();

  @Option(names = "--learning-rate", description = "Step size (default: ${DEFAULT-VALUE}).")
  float learningRate = TrainingConfig.DEFAULTS.learningRate();

  /** The shapes of learning-rate schedule the command line offers. */
  enum Schedule {
    CONSTANT,
    STEP,
    COSINE
  }

  @Option(
      names = "--lr-schedule",
      description =
          "How the learning rate changes: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  Schedule schedule = Schedule.CONSTANT;

  @Option(
      names = "--lr-step-epochs",
      description = "With --lr-schedule STEP: epochs between drops (default: ${DEFAULT-VALUE}).")
  int stepEpochs = 10;

  @Option(
      names = "--lr-step-factor",
      description = "With --lr-schedule STEP: factor of each drop (default: ${DEFAULT-VALUE}).")
  float stepFactor = 0.1f;

  @Option(
      names = "--warmup-epochs",
      description = "Epochs of linear warm-up before the schedule (default: none).")
  int warmupEpochs;

  @Option(
      names = "--optimizer",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OptimizerKind optimizer = TrainingConfig.DEFAULTS.optimizer();

  @Option(
      names = "--momentum",
      description = "Momentum of the momentum optimizer (default: ${DEFAULT-VALUE}).")
  float momentum = TrainingConfig.DEFAULTS.momentum();

  @Option(names = "--nesterov", description = "Nesterov's momentum for the momentum optimizer.")
  boolean nesterov = TrainingConfig.DEFAULTS.nesterov();

  @Option(
      names = "--label-smoothing",
      paramLabel = "E",
      description =
          "Training targets smoothed towards uniform by E in [0, 1) (default: ${DEFAULT-VALUE}).")
  float labelSmoothing = TrainingConfig.DEFAULTS.labelSmoothing();

  @Option(
      names = "--deterministic",
      description =
          "The same seed gives the same weights bit for bit, at some"
              + " cost in speed (bench/README.md).")
  boolean deterministic;

  @Option(
      names = "--threads",
      description = "CPU threads for TensorFlow (default: all cores, ${DEFAULT-VALUE}).")
  int threads = TrainingConfig.DEFAULTS.threads();

  private LearningRateSchedule schedule() {
    LearningRateSchedule chosen =
        switch (schedule) {
          case CONSTANT -> LearningRateSchedule.constant();
          case STEP -> LearningRateSchedule.stepDecay(stepEpochs, stepFactor);
          case COSINE -> LearningRateSchedule.cosine();
        };
    return warmupEpochs > 0 ? chosen.withWarmup(warmupEpochs) : chosen;
  }

  /** A config builder with these settings; the caller adds epochs, seed and the rest. */
  TrainingConfig.Builder config() {
    return TrainingConfig.builder()
        .batchSize(batchSize)
        .learningRate(learningRate)
        .schedule(schedule())
        .optimizer(optimizer)
        .momentum(momentum)
        .nesterov(nesterov)
        .labelSmoothing(labelSmoothing)
        .deterministic(deterministic)
        .threads(threads);
  }
}
