package io.gaborflow.cli;

import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.train.LearningRateSchedule;
import io.gaborflow.tensorflow.train.Optimizer;
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
    COSINE,
    LINEAR,
    ONE_CYCLE
  }

  /** How a one-cycle schedule comes down from its peak. */
  enum Anneal {
    LINEAR,
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
      names = "--lr-peak-at",
      paramLabel = "FRACTION",
      description =
          "With --lr-schedule ONE_CYCLE: the share of the run spent rising to the learning rate"
              + " (default: ${DEFAULT-VALUE}).")
  double peakAt = 0.2;

  @Option(
      names = "--lr-anneal",
      description =
          "With --lr-schedule ONE_CYCLE: how the rate comes down to zero, ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  Anneal anneal = Anneal.LINEAR;

  @Option(
      names = "--warmup-epochs",
      description = "Epochs of linear warm-up before the schedule (default: none).")
  int warmupEpochs;

  @Option(
      names = "--optimizer",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OptimizerKind optimizer = TrainingConfig.DEFAULTS.optimizer().kind();

  @Option(
      names = "--momentum",
      description = "Momentum of the momentum optimizer (default: ${DEFAULT-VALUE}).")
  float momentum = ((Optimizer.Momentum) OptimizerKind.MOMENTUM.standard()).momentum();

  @Option(
      names = "--nesterov",
      negatable = true,
      description = "Nesterov's momentum for the momentum optimizer.")
  boolean nesterov;

  @Option(
      names = "--weight-decay",
      paramLabel = "W",
      description =
          "Pulls learned kernels towards zero: L2 for momentum, decoupled (AdamW) for Adam; biases,"
              + " batch-norm parameters and Gabor banks are left out (default: ${DEFAULT-VALUE}).")
  float weightDecay = TrainingConfig.DEFAULTS.weightDecay();

  @Option(
      names = "--decay-gabor",
      description =
          "Weight decay also on trained Gabor banks' values and parametric Gabor parameters.")
  boolean decayGabor;

  @Option(
      names = "--gabor-rate-scale",
      paramLabel = "S",
      description =
          "The learning rate of Gabor banks' values in their training epochs, as a multiple of the"
              + " run's (default: ${DEFAULT-VALUE}).")
  float gaborRateScale = TrainingConfig.DEFAULTS.gaborRateScale();

  @Option(
      names = "--flip-eval",
      negatable = true,
      description =
          "Evaluate on each image and its mirror image, averaging the class probabilities.")
  boolean flipEvaluation;

  @Option(
      names = "--label-smoothing",
      paramLabel = "E",
      description =
          "Training targets smoothed towards uniform by E in [0, 1) (default: ${DEFAULT-VALUE}).")
  float labelSmoothing = TrainingConfig.DEFAULTS.labelSmoothing();

  @Option(
      names = "--augment",
      negatable = true,
      description = "Random crops (4-pixel padding) and horizontal flips while training.")
  boolean augment;

  @Option(
      names = "--layer-form",
      description =
          "How convolution layers with fixed and learned banks are built: ${COMPLETION-CANDIDATES};"
              + " the same values in every form; auto times per_bank, whole_layer and split_gradient"
              + " for each layer shape on this machine and keeps the fastest (cached in"
              + " ~/.cache/gaborflow; per_bank with --deterministic)"
              + " (default: ${DEFAULT-VALUE}).")
  LayerForm layerForm = TrainingConfig.DEFAULTS.layerForm();

  @Option(
      names = "--precision",
      description =
          "Arithmetic of convolutions and matrix products: ${COMPLETION-CANDIDATES}; bf16 needs a"
              + " CPU with avx512_bf16 or amx_bf16 (default: ${DEFAULT-VALUE}).")
  Precision precision = TrainingConfig.DEFAULTS.precision();

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
          case LINEAR -> LearningRateSchedule.linear();
          case ONE_CYCLE ->
              LearningRateSchedule.oneCycle(
                  peakAt,
                  anneal == Anneal.LINEAR
                      ? LearningRateSchedule.linear()
                      : LearningRateSchedule.cosine());
        };
    return warmupEpochs > 0 ? chosen.withWarmup(warmupEpochs) : chosen;
  }

  /** The update rule that --optimizer, --momentum and --nesterov name. */
  Optimizer optimizer() {
    return switch (optimizer) {
      case ADAM -> Optimizer.adam();
      case MOMENTUM ->
          nesterov ? Optimizer.momentum(momentum).withNesterov() : Optimizer.momentum(momentum);
    };
  }

  /** A config builder with these settings; the caller adds epochs, seed and the rest. */
  TrainingConfig.Builder config() {
    return TrainingConfig.builder()
        .batchSize(batchSize)
        .learningRate(learningRate)
        .schedule(schedule())
        .optimizer(optimizer())
        .labelSmoothing(labelSmoothing)
        .weightDecay(weightDecay)
        .decayGabor(decayGabor)
        .gaborRateScale(gaborRateScale)
        .precision(precision)
        .layerForm(layerForm)
        .flipEvaluation(flipEvaluation)
        .augment(augment)
        .deterministic(deterministic)
        .threads(threads);
  }
}
