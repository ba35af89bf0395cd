package io.gaborflow.cli;

import io.gaborflow.onnx.OnnxExport;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "export-onnx",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a model exported by 'train --export' as an ONNX file (opset 17) for ONNX Runtime and"
          + " other runtimes: float32 pixels 0..255 in ('images', NHWC), class probabilities out"
          + " ('probabilities'), the model's scaling and standardisation inside, every fixed bank a"
          + " constant."
    },
    sortOptions = false)
public final class ExportOnnxCommand implements Callable<Integer> {
  @Option(
      names = "--model-dir",
      required = true,
      paramLabel = "DIR",
      description = "An exported model.")
  Path modelDir;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The ONNX file.")
  Path out;

  @Option(
      names = "--layout",
      description = "The input's layout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OnnxExport.Layout layout = OnnxExport.Layout.NHWC;

  @Option(
      names = "--without-noise",
      description =
          "Leave out the noise of banks that add it at test (VOneNet's), instead of refusing them:"
              + " the ONNX model then gives the network's noise-free answers.")
  boolean withoutNoise;

  @Override
  public Integer call() {
    OnnxExport.Options options = OnnxExport.Options.defaults().withLayout(layout);
    if (withoutNoise) {
      options = options.withoutNoise();
    }
    OnnxExport.Written written;
    try (ExportedModel model = ExportedModel.load(modelDir)) {
      written = OnnxExport.write(model, out, options);
    }
    System.out.printf(
        Locale.ROOT,
        "wrote %s: %,d bytes, %,d of them (%.1f %%) the fixed banks' constants%s%n",
        written.file(),
        written.bytes(),
        written.fixedBankBytes(),
        100.0 * written.fixedBankBytes() / written.bytes(),
        written.noiseLeftOut().isEmpty()
            ? ""
            : "; noise left out of " + String.join(", ", written.noiseLeftOut()));
    return 0;
  }
}
