package io.gaborflow.cli;

import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.Prefetcher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Looks at a data set without training on it.",
    subcommands = {DatasetsCommand.Read.class})
public final class DatasetsCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "read",
      mixinStandardHelpOptions = true,
      description = {
        "Reads the training batches of epochs as training would (decoding, resizing, augmenting, on the same",
        "worker threads) without training, and prints how fast: the rate to compare with a model's training",
        "rate, to tell whether input or compute sets the pace."
      },
      sortOptions = false)
  static final class Read implements Callable<Integer> {
    @Option(
        names = "--model",
        paramLabel = "NAME",
        description =
            "The model whose input size --resize reads at" + " (default: ${DEFAULT-VALUE}).")
    String model = GaborLeNetGraph.MODEL_NAME;

    @Mixin DataOptions dataOptions = new DataOptions();

    @Option(names = "--batch-size", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(
        names = "--workers",
        description = "Threads reading images (default: one per core, ${DEFAULT-VALUE}).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--augment", description = "Random crops and flips, as train --augment.")
    boolean augment;

    @Option(names = "--epochs", description = "Epochs to read (default: ${DEFAULT-VALUE}).")
    int epochs = 1;

    @Override
    public Integer call() {
      long start = System.nanoTime();
      Dataset data =
          DaggerDataComponent.create()
              .dataSources()
              .load(dataOptions.spec(ModelCatalog.graph(model).spec().input(), 1));
      double loaded = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%s: %,d training images of %dx%dx%d, loaded in %.1f s%n",
          data.name(),
          data.train().size(),
          data.train().height(),
          data.train().width(),
          data.train().channels(),
          loaded);
      BatchPlan plan = BatchPlan.training(data.train().size(), batchSize, 1, augment);
      try (Prefetcher batches = new Prefetcher(data.train(), plan, workers, 2 * workers)) {
        for (int epoch = 1; epoch <= epochs; epoch++) {
          long epochStart = System.nanoTime();
          int images = 0;
          for (int step = 0; step < plan.stepsPerEpoch(); step++) {
            images += batches.next(epoch, step).count();
          }
          double seconds = (System.nanoTime() - epochStart) / 1e9;
          System.out.printf(
              "epoch %d: read %,d images in %.1f s, %.0f images/s with %d worker threads%s%n",
              epoch,
              images,
              seconds,
              images / seconds,
              workers,
              batches.skippedInEpoch() > 0 ? ", " + batches.skippedInEpoch() + " left out" : "");
        }
      }
      return 0;
    }
  }
}
