package io.gaborflow.cli;

import io.gaborflow.tensorflow.export.ExportedModel;
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
    description =
        "Prints the most likely classes of images, with a model written by 'train --export'.")
public final class PredictCommand implements Callable<Integer> {
  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "An exported model.")
  Path modelDir;

  @Option(names = "--top", description = "Classes to print per image (default: ${DEFAULT-VALUE}).")
  int top = 3;

  @Parameters(
      arity = "1..*",
      paramLabel = "IMAGE",
      description = "PNG, JPEG, BMP or GIF files; resized to the model's input.")
  List<Path> images;

  @Override
  public Integer call() {
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      for (Path image : images) {
        ExportedModel.Prediction prediction = model.predict(image);
        List<String> best = new ArrayList<>();
        for (String name : prediction.top(Math.max(1, top))) {
          best.add(String.format("%s %.3f", name, prediction.probability(name)));
        }
        System.out.println(image + ": " + String.join(", ", best));
      }
    }
    return 0;
  }
}
