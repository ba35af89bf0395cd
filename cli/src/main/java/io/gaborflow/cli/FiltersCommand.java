package io.gaborflow.cli;

import io.gaborflow.core.model.Scopes;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.graph.ConvBank;
import io.gaborflow.tensorflow.render.FilterGridImage;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "filters",
    mixinStandardHelpOptions = true,
    description = {
      "Draws every convolution filter of an exported model, one block of rows per layer.",
      "Frames: blue = fixed Gabor, purple = Gabor trained for part of the run, orange = learned.",
      "A filter over several input channels is drawn as its mean over them."
    })
public final class FiltersCommand implements Callable<Integer> {
  static final Color FIXED = new Color(60, 120, 230);
  static final Color PARTIAL = new Color(170, 80, 200);
  static final Color LEARNED = new Color(240, 150, 40);

  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "An exported model.")
  Path modelDir;

  @Option(
      names = "--png",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the picture.")
  Path png;

  @Option(names = "--columns", description = "Filters per row (default: ${DEFAULT-VALUE}).")
  int columns = 16;

  @Override
  public Integer call() {
    List<FilterGridImage.Tile> tiles = new ArrayList<>();
    String layer = null;
    int count = 0;
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      for (ExportMetadata.Bank bank : model.metadata().banks()) {
        String bankLayer = Scopes.parts(bank.name()).get(0);
        if (layer != null && !layer.equals(bankLayer)) {
          while (tiles.size() % columns != 0) {
            tiles.add(null); // each layer starts on a new row
          }
        }
        layer = bankLayer;
        float[] hwio = model.tensor(bank.tensor());
        int size = Math.toIntExact(bank.shape().get(0));
        int in = Math.toIntExact(bank.shape().get(2));
        int out = Math.toIntExact(bank.shape().get(3));
        for (int f = 0; f < out; f++) {
          tiles.add(
              new FilterGridImage.Tile(
                  channelMean(hwio, size, in, out, f), size, frame(bank.kind())));
          count++;
        }
        if (bank.gabor() != null && bank.kind().equals(ConvBank.Kind.PARAMETRIC.label())) {
          System.out.println(
              bank.name()
                  + " (parametric, as trained): "
                  + bank.gabor().filters().stream()
                      .map(
                          p ->
                              String.format(
                                  Locale.ROOT, "θ %.1f° λ %.2f", p.thetaDegrees(), p.lambda()))
                      .collect(Collectors.joining(", ")));
        }
      }
    }
    FilterGridImage.write(tiles, columns, png);
    System.out.println("wrote " + count + " filters to " + png);
    return 0;
  }

  private static Color frame(String kind) {
    return switch (kind) {
      case "fixed" -> FIXED;
      case "partially-trained", "parametric-gabor" -> PARTIAL;
      default -> LEARNED;
    };
  }

  private static double[] channelMean(float[] hwio, int size, int in, int out, int filter) {
    double[] kernel = new double[size * size];
    for (int pixel = 0; pixel < size * size; pixel++) {
      double sum = 0;
      for (int c = 0; c < in; c++) {
        sum += hwio[(pixel * in + c) * out + filter];
      }
      kernel[pixel] = sum / in;
    }
    return kernel;
  }
}
