package io.gaborflow.tensorflow.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.ConvBank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * Writes a trained model as a TensorFlow SavedModel with a {@code serving_default} signature (NHWC
 * float images in, class probabilities out), readable by {@code SavedModelBundle.load} and by
 * Python TensorFlow, plus {@code gaborflow.json} ({@link ExportMetadata}).
 */
public final class ModelExport {
  /** The signature key of the serving function. */
  public static final String SIGNATURE = "serving_default";

  /** The serving function's input: NHWC float images. */
  public static final String INPUT = "images";

  /** The serving function's output: class probabilities. */
  public static final String OUTPUT = "probabilities";

  /** The file beside the SavedModel with gaborflow's metadata. */
  public static final String METADATA = "gaborflow.json";

  static final ObjectMapper JSON =
      NetworkSpecJson.configure(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

  private ModelExport() {}

  /** Writes {@code model}, trained on {@code data}, to {@code directory} (absent or empty). */
  public static void write(ServableModel model, Dataset data, Path directory) {
    requireWritable(directory);
    try {
      model.writeSavedModel(directory, SIGNATURE, INPUT, OUTPUT);
      JSON.writeValue(directory.resolve(METADATA).toFile(), metadata(model, data));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot export the model to " + directory + ": " + e.getMessage(), e);
    }
  }

  /** What an export of {@code model}, trained on {@code data}, says about itself. */
  public static ExportMetadata metadata(ServableModel model, Dataset data) {
    FeatureShape in = model.spec().input();
    return new ExportMetadata(
        model.spec().modelName(),
        in.height(),
        in.width(),
        in.channels(),
        data.labelNames(),
        1 / 255.0,
        data.standardization().mean(),
        data.standardization().std(),
        banks(model.banks(), model.gaborBanks()),
        model.spec().stochastic(),
        model.spec());
  }

  /**
   * Fails unless {@code directory} is absent or empty. Called before training as well, so that a
   * long run does not end in a refused export.
   */
  public static void requireWritable(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (java.util.stream.Stream<Path> entries = Files.list(directory)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(
            "export directory "
                + directory
                + " is not empty; choose a new one so no model is overwritten");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read export directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Every convolution bank in layer and declaration order, with the tensor holding its kernel. */
  private static List<ExportMetadata.Bank> banks(
      List<ConvBank> convBanks, Map<String, GaborBankParameters> gabor) {
    List<ExportMetadata.Bank> banks = new ArrayList<>();
    for (ConvBank bank : convBanks) {
      banks.add(
          new ExportMetadata.Bank(
              bank.path(),
              bank.kind().label(),
              bank.kernel().op().name(),
              shape(bank.kernel()),
              gabor.get(bank.path())));
    }
    return banks;
  }

  private static List<Long> shape(Operand<?> operand) {
    List<Long> dims = new ArrayList<>();
    for (long d : operand.shape().asArray()) {
      dims.add(d);
    }
    return dims;
  }
}
