package io.gaborflow.cli;

import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.data.ImageDecoder;
import io.gaborflow.tensorflow.data.ImageFiles;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "An exported model.")
  Path modelDir;

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
      arity = "1..*",
      paramLabel = "IMAGE|FOLDER",
      description =
          "PNG, JPEG, BMP or GIF files, or folders of them; resized to the model's input.")
  List<Path> inputs;

  @Override
  public Integer call() throws IOException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be at least 1, not " + batchSize);
    }
    List<Path> files = imageFiles(inputs);
    try (ExportedModel model = ExportedModel.load(modelDir);
        PredictionSink sink = sink(model)) {
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
    return 0;
  }

  private PredictionSink sink(ExportedModel model) throws IOException {
    if (csv == null) {
      return new PredictionSink.Console(Math.max(1, top));
    }
    return new PredictionSink.Csv(csv, model.metadata().classNames());
  }

  /**
   * Predicts {@code batch} as one run, hands each result to {@code sink}, and empties both lists.
   */
  private static void write(
      ExportedModel model, List<Path> files, List<BufferedImage> batch, PredictionSink sink) {
    List<ExportedModel.Prediction> predictions = model.predict(batch);
    try {
      for (int i = 0; i < predictions.size(); i++) {
        sink.accept(files.get(i), predictions.get(i));
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
