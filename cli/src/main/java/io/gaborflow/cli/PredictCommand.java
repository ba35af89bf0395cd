package io.gaborflow.cli;

import io.gaborflow.cli.predict.ImageClassifier;
import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.data.ImageDecoder;
import io.gaborflow.tensorflow.data.ImageFiles;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Predicts the classes of images with a model written by 'train --export': prints the most"
          + " likely classes of each, or writes every class's probability to a CSV file.",
      "A folder stands for every image under it (hidden files left out), in path order."
    })
public final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model-dir", paramLabel = "DIR", description = "An exported model.")
  Path modelDir;

  @Option(
      names = "--onnx",
      paramLabel = "FILE",
      description =
          "An ONNX file written by 'export-onnx', run by ONNX Runtime instead of TensorFlow.")
  Path onnx;

  @Option(
      names = "--data",
      paramLabel = "SPEC",
      description =
          "Instead of image files: predict the test images of this data set (as 'train --data'"
              + " takes it) and print the accuracy.")
  String data;

  @Option(names = "--top", description = "Classes to print per image (default: ${DEFAULT-VALUE}).")
  int top = 3;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description =
          "Write one row per image (file, prediction, then every class's probability) to FILE"
              + " instead of printing; rows are written as each batch is done, so a run that"
              + " stops keeps them.")
  Path csv;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Images run through the model at once (default: ${DEFAULT-VALUE}).")
  int batchSize = 64;

  @Option(
      names = "--skip-unreadable",
      description =
          "Leave out, with a warning, files that are not readable images, instead of stopping at"
              + " the first one.")
  boolean skipUnreadable;

  @Parameters(
      arity = "0..*",
      paramLabel = "IMAGE|FOLDER",
      description =
          "PNG, JPEG, BMP or GIF files, or folders of them; resized to the model's input.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, not " + batchSize);
    }
    if ((modelDir == null) == (onnx == null)) {
      throw new IllegalArgumentException(
          "give the model as --model-dir DIR (an export) or --onnx FILE, one of them");
    }
    if ((data == null) == (inputs == null || inputs.isEmpty())) {
      throw new IllegalArgumentException(
          "give image files or folders to predict, or --data SPEC for a data set's test images,"
              + " one of them");
    }
    try (ImageClassifier model = ImageClassifier.open(modelDir, onnx)) {
      if (data != null) {
        testAccuracy(model);
        return 0;
      }
      predictFiles(model, imageFiles(inputs));
    }
    return 0;
  }

  /** Predicts every test image of {@code data} and prints the accuracy. */
  private void testAccuracy(ImageClassifier model) {
    ImageSamples test = EvaluationImages.test(data, 0, 1, model.inputSize());
    int pixelsPerImage = model.inputSize().elements();
    int[] order = IntStream.range(0, test.size()).toArray();
    int correct = 0;
    int classes = model.classNames().size();
    for (int from = 0; from < test.size(); from += batchSize) {
      int count = Math.min(batchSize, test.size() - from);
      float[] pixels = new float[count * pixelsPerImage];
      int[] labels = new int[count];
      test.copyBatch(order, from, count, pixels, labels);
      float[] probabilities = model.probabilities(pixels, count);
      for (int i = 0; i < count; i++) {
        ExportedModel.Prediction prediction =
            new ExportedModel.Prediction(
                model.classNames(),
                Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes));
        correct += prediction.best().equals(model.classNames().get(labels[i])) ? 1 : 0;
      }
    }
    System.out.printf(
        "test accuracy %.4f on %,d images of %s (%s)%n",
        (double) correct / test.size(),
        test.size(),
        data,
        onnx != null ? "ONNX Runtime, " + onnx : "TensorFlow, " + modelDir);
  }

  private void predictFiles(ImageClassifier model, List<Path> files) throws IOException {
    try (PredictionSink sink = sink(model)) {
      List<Path> batchFiles = new ArrayList<>();
      List<BufferedImage> batch = new ArrayList<>();
      int skipped = 0;
      for (Path file : files) {
        BufferedImage image;
        try {
          image = ImageDecoder.read(file);
        } catch (DataFormatException e) {
          if (!skipUnreadable) {
            write(model, batchFiles, batch, sink);
            throw DataFormatException.withNextStep(
                e, "remove it, or pass --skip-unreadable to leave such files out");
          }
          System.err.println("skipped " + e.getMessage());
          skipped++;
          continue;
        }
        batchFiles.add(file);
        batch.add(image);
        if (batch.size() == batchSize) {
          write(model, batchFiles, batch, sink);
        }
      }
      write(model, batchFiles, batch, sink);
      if (csv != null) {
        System.out.printf(
            "%d predictions written to %s%s%n",
            files.size() - skipped, csv, skipped > 0 ? " (" + skipped + " files skipped)" : "");
      }
    }
  }

  private PredictionSink sink(ImageClassifier model) throws IOException {
    if (csv == null) {
      return new PredictionSink.Console(Math.max(1, top));
    }
    return new PredictionSink.Csv(csv, model.classNames());
  }

  /**
   * Predicts {@code batch} as one run, hands each result to {@code sink}, and empties both lists.
   */
  private static void write(
      ImageClassifier model, List<Path> files, List<BufferedImage> batch, PredictionSink sink) {
    if (batch.isEmpty()) {
      return;
    }
    ImageSize size = model.inputSize();
    float[] pixels = new float[batch.size() * size.elements()];
    for (int i = 0; i < batch.size(); i++) {
      float[] one = ImageDecoder.pixels(batch.get(i), size.height(), size.width(), size.channels());
      System.arraycopy(one, 0, pixels, i * size.elements(), one.length);
    }
    float[] probabilities = model.probabilities(pixels, batch.size());
    int classes = model.classNames().size();
    try {
      for (int i = 0; i < batch.size(); i++) {
        sink.accept(
            files.get(i),
            new ExportedModel.Prediction(
                model.classNames(),
                Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes)));
      }
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("predictions cannot be written: " + e.getMessage(), e);
    }
    files.clear();
    batch.clear();
  }

  /** Each input file, and the image files under each input folder, in the order given. */
  static List<Path> imageFiles(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> under = ImageFiles.under(input);
        if (under.isEmpty()) {
          throw new DataFormatException(input, "folder has no files to predict");
        }
        under.forEach(relative -> files.add(input.resolve(relative)));
      } else {
        files.add(input);
      }
    }
    return files;
  }
}
