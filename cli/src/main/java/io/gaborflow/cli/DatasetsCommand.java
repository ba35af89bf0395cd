package io.gaborflow.cli;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.npy.NpyWriter;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.data.Prefetcher;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Looks at a data set without training on it.",
    subcommands = {DatasetsCommand.Read.class, DatasetsCommand.Export.class})
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

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes test images and their labels as NumPy files (images.npy: float32 NHWC pixels in 0..1,",
        "labels.npy: int32), the same images `robustness --images N --seed S` evaluates, for Python",
        "tools such as bench/check-pgd-tensorflow.py."
      },
      sortOptions = false)
  static final class Export implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "The data.")
    String data;

    @Option(
        names = "--model",
        paramLabel = "NAME",
        description = "The model whose input size the images take (default: ${DEFAULT-VALUE}).")
    String model = GaborLeNetGraph.MODEL_NAME;

    @Option(
        names = "--images",
        paramLabel = "N",
        description = "A seeded, class-balanced subset of N test images (default: all).")
    int images;

    @Option(names = "--seed", description = "Seed of the subset (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
      FeatureShape input = ModelCatalog.graph(model).spec().input();
      ImageSamples test =
          EvaluationImages.test(
              data, images, seed, new ImageSize(input.height(), input.width(), input.channels()));
      int n = test.size();
      float[] pixels = new float[n * test.pixelsPerImage()];
      int[] labels = new int[n];
      test.copyBatch(IntStream.range(0, n).toArray(), 0, n, pixels, labels);
      Files.createDirectories(out);
      try (OutputStream images =
              new BufferedOutputStream(Files.newOutputStream(out.resolve("images.npy")));
          OutputStream classes =
              new BufferedOutputStream(Files.newOutputStream(out.resolve("labels.npy")))) {
        NpyWriter.writeFloats(
            images, new int[] {n, test.height(), test.width(), test.channels()}, pixels);
        NpyWriter.writeInts(classes, new int[] {n}, labels);
      }
      System.out.printf(
          "wrote %d test images of %s to %s (images.npy, labels.npy)%n", n, data, out);
      return 0;
    }
  }
}
