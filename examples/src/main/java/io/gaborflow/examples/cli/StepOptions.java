package io.gaborflow.examples.cli;

import io.gaborflow.tensorflow.train.OptimizerKind;
import io.gaborflow.tensorflow.train.TrainingConfig;
import picocli.CommandLine.Option;

/** How each training step runs: the flags shared by train, bench, perf and soak. */
final class StepOptions {
  @Option(names = "--batch-size", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batchSize = 64;

  @Option(names = "--learning-rate", description = "Step size (default: ${DEFAULT-VALUE}).")
  float learningRate = 1e-3f;

  @Option(names = "--optimizer", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OptimizerKind optimizer = OptimizerKind.ADAM;

  @Option(names = "--momentum", description = "Momentum of the momentum optimizer (default: ${DEFAULT-VALUE}).")
  float momentum = 0.9f;

  @Option(names = "--threads", description = "CPU threads for TensorFlow (default: all cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** A config builder with these settings; the caller adds epochs, seed and the rest. */
  TrainingConfig.Builder config() {
    return TrainingConfig.builder()
        .batchSize(batchSize)
        .learningRate(learningRate)
        .optimizer(optimizer)
        .momentum(momentum)
        .threads(threads);
  }
}
