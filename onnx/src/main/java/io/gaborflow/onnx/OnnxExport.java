package io.gaborflow.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.onnx.OnnxGraph.Holds;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.train.ModelSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.tensorflow.types.TFloat32;

/**
 * Writes a trained gaborflow model as an ONNX model (opset {@value #OPSET}) that ONNX Runtime, and
 * every other runtime that reads ONNX, runs without gaborflow or TensorFlow.
 *
 * <p>The model takes what a user has: float32 pixels 0..255 in {@code images}, NHWC {@code [N, H,
 * W, C]} by default (NCHW with {@link Options#withLayout}), and does the scaling and per-channel
 * standardisation of training itself; {@code probabilities} {@code [N, classes]} is the softmax of
 * the logits. The class names and gaborflow's figures are in the model's {@code metadata_props};
 * every node is named after the layer and bank it comes from. Fixed banks are constants; a bank
 * that adds noise at test is refused unless {@link Options#withoutNoise} leaves its noise out.
 */
public final class OnnxExport {
  /** The ONNX operator set the models use. */
  public static final int OPSET = 17;

  /** The input: float32 pixels 0..255. */
  public static final String INPUT = "images";

  /** The output: class probabilities. */
  public static final String OUTPUT = "probabilities";

  /** The metadata key of the class names, a JSON array in label order. */
  public static final String CLASS_NAMES = "gaborflow.class_names";

  /** The metadata key of the input's {@link Layout}. */
  public static final String LAYOUT = "gaborflow.layout";

  private static final long IR_VERSION = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnnxExport() {}

  /** The layout of the input images. */
  public enum Layout {
    /** {@code [N, H, W, C]}, as images are stored and as gaborflow and TensorFlow take them. */
    NHWC,
    /** {@code [N, C, H, W]}, as PyTorch and many ONNX users feed them. */
    NCHW
  }

  /**
   * How to write the model.
   *
   * @param layout the input images' layout
   * @param leaveOutNoise leave out the noise of banks that add it at test (the model's answers are
   *     then its noise-free ones) instead of refusing them
   */
  public record Options(Layout layout, boolean leaveOutNoise) {
    /** NHWC input, and a refusal of noise. */
    public static Options defaults() {
      return new Options(Layout.NHWC, false);
    }

    /** These options with the input in {@code newLayout}. */
    public Options withLayout(Layout newLayout) {
      return new Options(newLayout, leaveOutNoise);
    }

    /** These options, leaving out noise at test. */
    public Options withoutNoise() {
      return new Options(layout, true);
    }
  }

  /**
   * What was written.
   *
   * @param bytes the file's size
   * @param fixedBankBytes bytes of the fixed banks' constants in it
   * @param noiseLeftOut the banks whose noise {@link Options#withoutNoise} left out, by path
   */
  public record Written(Path file, long bytes, long fixedBankBytes, List<String> noiseLeftOut) {
    /** Copies the list. */
    public Written {
      noiseLeftOut = List.copyOf(noiseLeftOut);
    }
  }

  /** Writes the export {@code model} to {@code file}. */
  public static Written write(ExportedModel model, Path file, Options options) {
    return write(model.metadata(), model::tensor, file, options);
  }

  /** Writes the model of {@code session}, trained on {@code data}, to {@code file}. */
  public static Written write(ModelSession session, Dataset data, Path file, Options options) {
    return write(
        ModelExport.metadata(session.servable(), data),
        name -> session.valueOf(session.graph().operation(name).<TFloat32>output(0)),
        file,
        options);
  }

  private static Written write(
      ExportMetadata metadata, Function<String, float[]> tensors, Path file, Options options) {
    NetworkSpec spec = metadata.requireNetwork();
    OnnxGraph graph = new OnnxGraph();
    String images = preprocess(graph, metadata, options.layout());
    NetworkToOnnx network =
        new NetworkToOnnx(graph, spec, metadata.banks(), tensors, options.leaveOutNoise());
    String logits = network.logits(images);
    graph.node("output", "Softmax", List.of(logits), OnnxGraph.integer("axis", 1));
    graph.nameLastOutput(OUTPUT);
    long h = metadata.height();
    long w = metadata.width();
    long c = metadata.channels();
    graph
        .builder()
        .setName(spec.modelName())
        .addInput(
            value(
                INPUT,
                options.layout() == Layout.NHWC
                    ? new long[] {-1, h, w, c}
                    : new long[] {-1, c, h, w}))
        .addOutput(value(OUTPUT, new long[] {-1, spec.classes()}));
    ModelProto.Builder model =
        ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("gaborflow")
            .setProducerVersion(version())
            .setModelVersion(1)
            .setDocString(
                "gaborflow model "
                    + spec.modelName()
                    + ": "
                    + INPUT
                    + " float32 pixels 0..255 "
                    + options.layout()
                    + ", "
                    + OUTPUT
                    + " [N, "
                    + spec.classes()
                    + "]")
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setGraph(graph.builder());
    metadata(metadata, options, network.noiseLeftOut())
        .forEach(
            (key, value) ->
                model.addMetadataProps(
                    StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return new Written(
        file, writeAtomically(model.build(), file), graph.fixedBankBytes(), network.noiseLeftOut());
  }

  /**
   * Pixels 0..255 to what the network was trained on, {@code v * scale / std - mean / std} per
   * channel, then NCHW; the tensor the network reads.
   */
  private static String preprocess(OnnxGraph graph, ExportMetadata metadata, Layout layout) {
    int channels = metadata.channels();
    float[] scale = new float[channels];
    float[] offset = new float[channels];
    for (int ch = 0; ch < channels; ch++) {
      double std = metadata.channelStd().get(ch);
      scale[ch] = (float) (metadata.pixelScale() / std);
      offset[ch] = (float) (-metadata.channelMean().get(ch) / std);
    }
    long[] dims = layout == Layout.NHWC ? new long[] {channels} : new long[] {channels, 1, 1};
    String scaled =
        graph.node(
            "input", "Mul", List.of(INPUT, graph.floats("input/scale", dims, scale, Holds.OTHER)));
    String standardized =
        graph.node(
            "input",
            "Add",
            List.of(scaled, graph.floats("input/offset", dims, offset, Holds.OTHER)));
    return layout == Layout.NCHW
        ? standardized
        : graph.node(
            "input", "Transpose", List.of(standardized), OnnxGraph.ints("perm", 0, 3, 1, 2));
  }

  private static Map<String, String> metadata(
      ExportMetadata metadata, Options options, List<String> noiseLeftOut) {
    try {
      return new TreeMap<>(
          Map.of(
              CLASS_NAMES,
              JSON.writeValueAsString(metadata.classNames()),
              LAYOUT,
              options.layout().name(),
              "gaborflow.model",
              metadata.model(),
              "gaborflow.input",
              "float32 pixels 0..255, "
                  + options.layout()
                  + "; scaled and standardised inside the model",
              "gaborflow.pixel_scale",
              Double.toString(metadata.pixelScale()),
              "gaborflow.channel_mean",
              JSON.writeValueAsString(metadata.channelMean()),
              "gaborflow.channel_std",
              JSON.writeValueAsString(metadata.channelStd()),
              "gaborflow.noise_left_out",
              JSON.writeValueAsString(noiseLeftOut),
              "gaborflow.banks",
              JSON.writeValueAsString(
                  metadata.banks().stream().map(b -> b.name() + " " + b.kind()).toList())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ValueInfoProto value(String name, long[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(
          d < 0
              ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
              : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
        .build();
  }

  /** Writes beside {@code file}, then renames: a failure never leaves half a model. */
  private static long writeAtomically(ModelProto model, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
      try (OutputStream out = Files.newOutputStream(partial)) {
        model.writeTo(out);
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String version() {
    String version = OnnxExport.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
