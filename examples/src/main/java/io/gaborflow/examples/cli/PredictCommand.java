package io.gaborflow.examples.cli;

import io.gaborflow.tensorflow.data.ImageDecoder;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Prints the most likely classes of images, with a model written by 'train --export'.")
public final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model-dir", required = true, paramLabel = "DIR", description = "An exported model.")
  Path modelDir;

  @Option(names = "--top", description = "Classes to print per image (default: ${DEFAULT-VALUE}).")
  int top = 3;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, BMP or GIF files; resized to the model's input.")
  List<Path> images;

  @Override
  public Integer call() {
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      ExportMetadata meta = model.metadata();
      int pixels = meta.height() * meta.width() * meta.channels();
      float[] batch = new float[images.size() * pixels];
      for (int i = 0; i < images.size(); i++) {
        float[] image = ImageDecoder.pixels(ImageDecoder.read(images.get(i)), meta.height(), meta.width(), meta.channels());
        meta.standardize(image);
        System.arraycopy(image, 0, batch, i * pixels, pixels);
      }
      float[] probabilities = model.predict(batch, images.size());
      int classes = meta.classNames().size();
      for (int i = 0; i < images.size(); i++) {
        int row = i * classes;
        List<String> best = new ArrayList<>();
        IntStream.range(0, classes).boxed()
            .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[row + c]))
            .limit(Math.max(1, top))
            .forEach(c -> best.add(String.format("%s %.3f", meta.classNames().get(c), probabilities[row + c])));
        System.out.println(images.get(i) + ": " + String.join(", ", best));
      }
    }
    return 0;
  }
}
