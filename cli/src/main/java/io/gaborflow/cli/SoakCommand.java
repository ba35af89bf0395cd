package io.gaborflow.cli;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.Prefetcher;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
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
      "Trains for many steps (or, with --model-dir, predicts many images with an export) and",
      "samples the process's resident memory, to catch native leaks: prints RSS every",
      "--sample-every steps and the growth after the first --settle steps."
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

  @Option(
      names = "--model-dir",
      paramLabel = "DIR",
      description =
          "Soak serving instead of training: one prediction of a test image per step, from the"
              + " export in DIR, as a service would make them.")
  Path modelDir;

  @Override
  public Integer call() {
    return modelDir != null ? soakPredictions() : soakTraining();
  }

  private int soakPredictions() {
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      ExportMetadata meta = model.metadata();
      FeatureShape input = FeatureShape.spatial(meta.height(), meta.width(), meta.channels());
      Dataset data = DaggerDataComponent.create().dataSources().load(dataOptions.spec(input, 1));
      ImageSamples test = data.test();
      float[] pixels = new float[test.pixelsPerImage()];
      return soak(
          "predict",
          step -> {
            test.read((step - 1) % test.size(), pixels, 0);
            // No collection is forced here: a service's loop would not force one either.
            model.predict(pixels, 1);
          });
    }
  }

  private int soakTraining() {
    ModelGraph graph = ModelCatalog.graph(model);
    Dataset data =
        DaggerDataComponent.create().dataSources().load(dataOptions.spec(graph.spec().input(), 1));
    int batchSize = stepOptions.batchSize;
    Prefetcher batches =
        new Prefetcher(data.train(), BatchPlan.training(data.train().size(), batchSize, 1, false));
    int perEpoch = batches.plan().stepsPerEpoch();
    int epochs = (steps + perEpoch - 1) / perEpoch;
    TrainingConfig config = stepOptions.config().epochs(epochs).build();
    try (batches;
        ModelSession session = ModelSession.open(graph, config)) {
      session.initialize(1);
      return soak(
          "step",
          step -> {
            int epoch = (step - 1) / perEpoch + 1;
            session.trainStep(
                epoch, step, config.learningRate(), batches.next(epoch, (step - 1) % perEpoch));
            if (!noReclaim) {
              NativeMemory.reclaimAfter(step);
            }
          });
    }
  }

  /**
   * Runs {@code step} for steps 1 to {@code --steps}, printing the resident memory every {@code
   * --sample-every}; exit code 1 when it grew by more than {@code --limit-mb} after {@code
   * --settle}.
   */
  private int soak(String unit, java.util.function.IntConsumer step) {
    double baseline = Double.NaN;
    double last = 0;
    System.out.printf("%8s %10s%n", unit, "RSS (MB)");
    for (int i = 1; i <= steps; i++) {
      step.accept(i);
      if (i % sampleEvery == 0) {
        last = residentMegabytes();
        if (i == settle) {
          baseline = last;
        }
        System.out.printf("%8d %10.1f%n", i, last);
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
