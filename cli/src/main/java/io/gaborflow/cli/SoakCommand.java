package io.gaborflow.cli;

import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.Prefetcher;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.NativeMemory;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Trains for many steps and samples the process's resident memory, to catch native leaks:",
      "prints RSS every --sample-every steps and the growth after the first --settle steps."
    },
    sortOptions = false)
public final class SoakCommand implements Callable<Integer> {
  @Option(names = "--model", description = "Model (default: ${DEFAULT-VALUE}).")
  String model = "gabor-lenet";

  @Mixin DataOptions dataOptions = new DataOptions();

  @Mixin StepOptions stepOptions = new StepOptions();

  @Option(names = "--steps", description = "Training steps (default: ${DEFAULT-VALUE}).")
  int steps = 20_000;

  @Option(
      names = "--sample-every",
      description = "Steps between memory samples (default: ${DEFAULT-VALUE}).")
  int sampleEvery = 1_000;

  @Option(
      names = "--settle",
      description = "Steps before the baseline sample (default: ${DEFAULT-VALUE}).")
  int settle = 2_000;

  @Option(
      names = "--no-reclaim",
      description =
          "Diagnostic: skip the training loop's periodic garbage collection, to see memory that waits"
              + " for the collector.")
  boolean noReclaim;

  @Option(
      names = "--limit-mb",
      description =
          "Exit code 1 when growth after --settle exceeds this (default: ${DEFAULT-VALUE}).")
  double limitMb = 50;

  @Override
  public Integer call() {
    ModelGraph graph = ModelCatalog.graph(model);
    Dataset data =
        DaggerDataComponent.create().dataSources().load(dataOptions.spec(graph.spec().input(), 1));
    int batchSize = stepOptions.batchSize;
    Prefetcher batches =
        new Prefetcher(data.train(), BatchPlan.training(data.train().size(), batchSize, 1, false));
    int perEpoch = batches.plan().stepsPerEpoch();
    int epochs = (steps + perEpoch - 1) / perEpoch;
    TrainingConfig config = stepOptions.config().epochs(epochs).build();
    double baseline = Double.NaN;
    double last = 0;
    try (batches;
        ModelSession session = ModelSession.open(graph, config)) {
      session.initialize(1);
      System.out.printf("%8s %10s%n", "step", "RSS (MB)");
      for (int step = 1; step <= steps; step++) {
        int epoch = (step - 1) / perEpoch + 1;
        session.trainStep(
            epoch, step, config.learningRate(), batches.next(epoch, (step - 1) % perEpoch));
        if (!noReclaim) {
          NativeMemory.reclaimAfter(step);
        }
        if (step % sampleEvery == 0) {
          last = residentMegabytes();
          if (step == settle) {
            baseline = last;
          }
          System.out.printf("%8d %10.1f%n", step, last);
        }
      }
    }
    double growth = last - baseline;
    System.out.printf("growth after step %d: %.1f MB (limit %.0f MB)%n", settle, growth, limitMb);
    return growth <= limitMb ? 0 : 1;
  }

  /** VmRSS of this process, from /proc (Linux). */
  static double residentMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/self/status");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/status: " + e.getMessage(), e);
    }
  }
}
