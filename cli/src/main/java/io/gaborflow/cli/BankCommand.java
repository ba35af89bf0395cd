package io.gaborflow.cli;

import io.gaborflow.cli.render.BankCsv;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.graph.ConvBank;
import io.gaborflow.tensorflow.render.FilterGridImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bank",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a Gabor filter bank as CSV (one row per filter) and as a PNG grid.",
      "Kernels equal OpenCV's getGaborKernel; one filter per orientation x wavelength x phase."
    },
    sortOptions = false)
public final class BankCommand implements Callable<Integer> {
  @Option(names = "--size", description = "Kernel size in pixels, odd (default: ${DEFAULT-VALUE}).")
  int size = 7;

  @Option(
      names = "--orientations",
      description = "Orientations evenly spaced over 180 degrees (default: ${DEFAULT-VALUE}).")
  int orientations = 4;

  @Option(
      names = "--angles",
      split = ",",
      paramLabel = "DEG",
      description = "Explicit orientations in degrees, instead of --orientations.")
  List<Double> angles;

  @Option(
      names = "--wavelengths",
      split = ",",
      paramLabel = "PX",
      description = "Wavelengths λ in pixels (default: ${DEFAULT-VALUE}).")
  List<Double> wavelengths = List.of(4.0);

  @Option(
      names = "--phases",
      split = ",",
      paramLabel = "DEG",
      description = "Phases ψ in degrees (default: ${DEFAULT-VALUE}).")
  List<Double> phases = List.of(0.0, 90.0);

  @Option(names = "--aspect", description = "Aspect ratio γ (default: ${DEFAULT-VALUE}).")
  double aspect = 0.5;

  @Option(names = "--sigma", description = "σ in pixels; without it σ derives from --bandwidth.")
  Double sigma;

  @Option(
      names = "--bandwidth",
      description = "Bandwidth in octaves, when --sigma is not given (default: ${DEFAULT-VALUE}).")
  double bandwidth = 1.0;

  @Option(
      names = "--normalize",
      description =
          "Zero mean and unit L2 norm, as banks in a network use; off by default so values equal OpenCV's.")
  boolean normalize;

  @Option(
      names = "--from-model",
      paramLabel = "DIR",
      description =
          "Instead of the flags above, the Gabor bank of an exported model (train --export), with its"
              + " parameters at export: a parametric bank's as trained.")
  Path fromModel;

  @Option(
      names = "--bank",
      paramLabel = "LAYER/FIELD",
      description =
          "With --from-model, which bank (default: the first parametric bank, else the first Gabor bank).")
  String bankName;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "CSV output; standard output when neither --csv nor --png is given.")
  Path csv;

  @Option(
      names = "--png",
      paramLabel = "FILE",
      description = "PNG grid of the filters, one row per orientation.")
  Path png;

  @Override
  public Integer call() throws IOException {
    FilterBank bank = fromModel != null ? exported() : declared();
    if (csv == null && png == null) {
      Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
      BankCsv.write(bank, out);
      out.flush();
      return 0;
    }
    if (csv != null) {
      BankCsv.write(bank, csv);
      System.out.println("wrote " + bank.filterCount() + " filters to " + csv);
    }
    if (png != null) {
      List<FilterGridImage.Tile> tiles = new ArrayList<>();
      for (int f = 0; f < bank.filterCount(); f++) {
        tiles.add(new FilterGridImage.Tile(bank.kernel(f), bank.size(), null));
      }
      long perRow =
          bank.parameters().stream()
              .map(p -> List.of(p.lambda(), p.psiDegrees()))
              .distinct()
              .count();
      FilterGridImage.write(tiles, (int) Math.max(1, Math.min(perRow, bank.filterCount())), png);
      System.out.println("wrote a grid of " + bank.filterCount() + " filters to " + png);
    }
    return 0;
  }

  /**
   * The bank {@code --bank} names in the export {@code --from-model}, with its parameters at
   * export.
   */
  private FilterBank exported() {
    try (ExportedModel model = ExportedModel.load(fromModel)) {
      List<ExportMetadata.Bank> gabor =
          model.metadata().banks().stream().filter(b -> b.gabor() != null).toList();
      if (gabor.isEmpty()) {
        throw new IllegalArgumentException(
            fromModel
                + " has no Gabor bank with its parameters (exports before"
                + " gaborflow 0.2 do not record them)");
      }
      ExportMetadata.Bank chosen =
          bankName != null
              ? gabor.stream()
                  .filter(b -> b.name().equals(bankName))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "--bank "
                                  + bankName
                                  + " is not a Gabor bank of "
                                  + fromModel
                                  + "; it has "
                                  + gabor.stream().map(ExportMetadata.Bank::name).toList()))
              : gabor.stream()
                  .filter(b -> b.kind().equals(ConvBank.Kind.PARAMETRIC.label()))
                  .findFirst()
                  .orElse(gabor.get(0));
      int kernelSize = Math.toIntExact(chosen.shape().get(0));
      return FilterBank.of(chosen.gabor().filters(), kernelSize, chosen.gabor().normalization());
    }
  }

  /** The bank the flags declare. */
  private FilterBank declared() {
    GaborBankSpec.Builder builder = GaborBankSpec.builder();
    if (angles != null) {
      builder.angles(angles.stream().mapToDouble(Double::doubleValue).toArray());
    } else {
      if (orientations < 1) {
        throw new IllegalArgumentException("--orientations must be 1 or more, got " + orientations);
      }
      builder.orientations(orientations);
    }
    builder
        .wavelengths(wavelengths.stream().mapToDouble(Double::doubleValue).toArray())
        .phases(phases.stream().mapToDouble(Double::doubleValue).toArray())
        .aspect(aspect)
        .normalization(normalize ? Normalization.ZERO_MEAN_UNIT_NORM : Normalization.NONE);
    if (sigma != null) {
      builder.sigma(sigma);
    } else {
      builder.bandwidth(bandwidth);
    }
    return FilterBank.of(builder.build(), size);
  }
}
