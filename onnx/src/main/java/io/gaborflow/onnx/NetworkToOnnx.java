package io.gaborflow.onnx;

import static io.gaborflow.onnx.OnnxGraph.integer;
import static io.gaborflow.onnx.OnnxGraph.ints;
import static io.gaborflow.onnx.OnnxGraph.real;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec.QuadraturePair;
import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BankVisitor;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GaborBasisBankSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerVisitor;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Scopes;
import io.gaborflow.core.model.Windows;
import io.gaborflow.onnx.OnnxGraph.Holds;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.graph.VariableKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The network of a {@link NetworkSpec} as ONNX nodes, layer by layer, in NCHW (ONNX's convolution
 * layout) from the preprocessed images to the logits. Every value comes from the trained model
 * through {@code tensors} (a graph tensor's value by name): each bank's kernel from the tensor the
 * export names for it (a fixed bank's constant, a learned or partly trained bank's variable, a
 * parametric bank's computed kernel), the other weights and statistics from their variables. It
 * follows the TensorFlow lowering's semantics, not its rewrites: a SHARED Gabor bank is the channel
 * mean convolved with its single-channel kernels, a Gabor basis bank the grouped convolution of its
 * basis followed by its 1x1 mixing, as declared.
 */
final class NetworkToOnnx {
  /** What the complex cells add under their square root (GaborStages' floor). */
  private static final float ENERGY_FLOOR = 1e-12f;

  private final OnnxGraph graph;
  private final NetworkSpec spec;
  private final Map<String, ExportMetadata.Bank> banks = new HashMap<>();
  private final Function<String, float[]> tensors;
  private final boolean withoutNoise;
  private final List<String> noiseLeftOut = new ArrayList<>();

  NetworkToOnnx(
      OnnxGraph graph,
      NetworkSpec spec,
      List<ExportMetadata.Bank> banks,
      Function<String, float[]> tensors,
      boolean withoutNoise) {
    this.graph = graph;
    this.spec = spec;
    banks.forEach(b -> this.banks.put(b.name(), b));
    this.tensors = tensors;
    this.withoutNoise = withoutNoise;
  }

  /** The banks whose noise was left out, by path. */
  List<String> noiseLeftOut() {
    return noiseLeftOut;
  }

  /** The logits' tensor, from {@code images} (NCHW, preprocessed as training did). */
  String logits(String images) {
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < spec.nodes().size(); i++) {
      Node node = spec.nodes().get(i);
      List<String> in = new ArrayList<>();
      for (int index : node.inputs()) {
        in.add(index == Node.NETWORK_INPUT ? images : outputs.get(index));
      }
      FeatureShape shape = spec.shapeOf(node.input());
      outputs.add(node.layer().accept(new Layers(node, in, shape)));
    }
    return outputs.get(outputs.size() - 1);
  }

  private float[] variable(String scope, String owner, VariableKey.Role role) {
    return tensors.apply(new VariableKey(scope, owner, role).graphName());
  }

  private String activation(String name, String x, Activation activation) {
    return switch (activation) {
      case NONE -> x;
      case RELU -> graph.node(name, "Relu", List.of(x));
      case TANH -> graph.node(name, "Tanh", List.of(x));
      case SIGMOID -> graph.node(name, "Sigmoid", List.of(x));
    };
  }

  /** NCHW to a row per image in TensorFlow's NHWC order, as its dense layers read them. */
  private String flattenedAsNhwc(String name, String x) {
    String nhwc = graph.node(name, "Transpose", List.of(x), ints("perm", 0, 2, 3, 1));
    return graph.node(name, "Flatten", List.of(nhwc), integer("axis", 1));
  }

  /** ONNX's {@code pads} (top, left, bottom, right) of a window over {@code in}. */
  private static long[] pads(FeatureShape in, int size, int stride, Padding padding) {
    int top = Windows.padBefore(in.height(), size, stride, padding);
    int left = Windows.padBefore(in.width(), size, stride, padding);
    return new long[] {
      top,
      left,
      Windows.padAfter(in.height(), size, stride, padding),
      Windows.padAfter(in.width(), size, stride, padding)
    };
  }

  /** An HWIO kernel as ONNX's OIHW. */
  static float[] oihw(float[] hwio, int size, int in, int out) {
    float[] oihw = new float[hwio.length];
    for (int p = 0; p < size * size; p++) {
      for (int i = 0; i < in; i++) {
        for (int o = 0; o < out; o++) {
          oihw[(o * in + i) * size * size + p] = hwio[(p * in + i) * out + o];
        }
      }
    }
    return oihw;
  }

  private final class Layers implements LayerVisitor<String> {
    private final Node node;
    private final List<String> in;
    private final FeatureShape shape;

    Layers(Node node, List<String> in, FeatureShape shape) {
      this.node = node;
      this.in = in;
      this.shape = shape;
    }

    @Override
    public String conv(ConvLayerSpec conv) {
      List<String> branches = new ArrayList<>();
      for (BankSpec bank : conv.banks()) {
        String path = Scopes.bank(node.scope(), bank.name());
        String out = bank.accept(new Banks(node, conv, in.get(0), shape, path));
        branches.add(activation(path, out, conv.activation()));
      }
      return branches.size() == 1
          ? branches.get(0)
          : graph.node(node.scope(), "Concat", branches, integer("axis", 1));
    }

    @Override
    public String pool(PoolLayerSpec pool) {
      boolean max = pool.kind() == PoolLayerSpec.Kind.MAX;
      // Average pooling divides by the window's pixels inside the image, as TensorFlow's does.
      return graph.node(
          node.scope(),
          max ? "MaxPool" : "AveragePool",
          in,
          ints("kernel_shape", pool.size(), pool.size()),
          ints("strides", pool.stride(), pool.stride()),
          ints("pads", pads(shape, pool.size(), pool.stride(), pool.padding())));
    }

    @Override
    public String dense(DenseLayerSpec dense) {
      String x = shape.flat() ? in.get(0) : flattenedAsNhwc(node.scope(), in.get(0));
      long inputs = shape.elements();
      String kernel =
          graph.floats(
              node.scope() + "/" + dense.name() + "/kernel",
              new long[] {inputs, dense.units()},
              variable(node.scope(), dense.name(), VariableKey.Role.KERNEL),
              Holds.OTHER);
      String bias =
          graph.floats(
              node.scope() + "/" + dense.name() + "/bias",
              new long[] {dense.units()},
              variable(node.scope(), dense.name(), VariableKey.Role.BIAS),
              Holds.OTHER);
      String out = graph.node(node.scope(), "Gemm", List.of(x, kernel, bias));
      return activation(node.scope(), out, dense.activation());
    }

    @Override
    public String batchNorm(BatchNormLayerSpec norm) {
      long[] dims = {shape.channels()};
      String name = node.scope() + "/" + norm.name();
      List<String> inputs = new ArrayList<>(in);
      for (VariableKey.Role role :
          List.of(
              VariableKey.Role.GAMMA,
              VariableKey.Role.BETA,
              VariableKey.Role.MOVING_MEAN,
              VariableKey.Role.MOVING_VARIANCE)) {
        inputs.add(
            graph.floats(
                name + "/" + role.suffix(),
                dims,
                variable(node.scope(), norm.name(), role),
                Holds.OTHER));
      }
      String out =
          graph.node(
              node.scope(), "BatchNormalization", inputs, real("epsilon", (float) norm.epsilon()));
      return activation(node.scope(), out, norm.activation());
    }

    @Override
    public String dropout(DropoutLayerSpec dropout) {
      return in.get(0); // the identity at inference
    }

    @Override
    public String flatten(FlattenLayerSpec flatten) {
      return flattenedAsNhwc(node.scope(), in.get(0));
    }

    @Override
    public String globalAvgPool(GlobalAvgPoolLayerSpec pool) {
      String pooled = graph.node(node.scope(), "GlobalAveragePool", in);
      return graph.node(node.scope(), "Flatten", List.of(pooled), integer("axis", 1));
    }

    @Override
    public String add(AddLayerSpec add) {
      return activation(node.scope(), graph.node(node.scope(), "Add", in), add.activation());
    }
  }

  /** One bank of a convolution: its output before the layer's activation. */
  private final class Banks implements BankVisitor<String> {
    private final Node node;
    private final ConvLayerSpec conv;
    private final String x;
    private final FeatureShape in;
    private final String path;

    Banks(Node node, ConvLayerSpec conv, String x, FeatureShape in, String path) {
      this.node = node;
      this.conv = conv;
      this.x = x;
      this.in = in;
      this.path = path;
    }

    private ExportMetadata.Bank exported() {
      ExportMetadata.Bank bank = banks.get(path);
      if (bank == null) {
        throw new OnnxExportException(
            "bank " + path + " is in the network but not among the export's banks");
      }
      return bank;
    }

    /**
     * The convolution of {@code source} with an HWIO kernel of {@code kernelChannels} input
     * channels, with a bias when {@code bias} is not null.
     */
    private String convolve(
        String source, float[] hwio, int kernelChannels, int filters, Holds holds, float[] bias) {
      int size = conv.size();
      String weights =
          graph.floats(
              path + "/kernel",
              new long[] {filters, kernelChannels, size, size},
              oihw(hwio, size, kernelChannels, filters),
              holds);
      List<String> inputs = new ArrayList<>(List.of(source, weights));
      if (bias != null) {
        inputs.add(graph.floats(path + "/bias", new long[] {filters}, bias, Holds.OTHER));
      }
      return graph.node(
          path,
          "Conv",
          inputs,
          ints("kernel_shape", size, size),
          ints("strides", conv.stride(), conv.stride()),
          ints("pads", pads(in, size, conv.stride(), conv.padding())));
    }

    /** The bank's kernel as exported: {@code [k, k, 1, n]} over the channel mean, or over all. */
    private String exportedKernel(int filters, Holds holds) {
      ExportMetadata.Bank bank = exported();
      int kernelChannels = Math.toIntExact(bank.shape().get(2));
      String source = x;
      if (kernelChannels == 1 && in.channels() > 1) {
        source =
            graph.node(path, "ReduceMean", List.of(x), ints("axes", 1), integer("keepdims", 1));
      }
      return convolve(source, tensors.apply(bank.tensor()), kernelChannels, filters, holds, null);
    }

    @Override
    public String gabor(FixedGaborBankSpec gabor) {
      if (gabor.noise().present() && !withoutNoise) {
        throw new OnnxExportException(
            "bank "
                + path
                + " adds "
                + gabor.noise().kind().name().toLowerCase(Locale.ROOT)
                + " noise at test, which ONNX cannot draw as gaborflow does; export without it"
                + " (export-onnx --without-noise, OnnxExport.Options.withoutNoise()) to get the"
                + " network's noise-free answers");
      }
      boolean fixedValues = gabor.window() == null && !gabor.parametric();
      String responses =
          exportedKernel(gabor.kernels(), fixedValues ? Holds.FIXED_BANK : Holds.OTHER);
      List<QuadraturePair> pairs = gabor.complexPairs();
      if (!pairs.isEmpty()) {
        responses =
            graph.node(
                path,
                "Concat",
                List.of(responses, complexCells(responses, pairs)),
                integer("axis", 1));
      }
      if (gabor.noise().present()) {
        noiseLeftOut.add(path);
      }
      return responses;
    }

    /** One energy map per pair, {@code sqrt(a² + b² + floor)}, as GaborStages computes it. */
    private String complexCells(String responses, List<QuadraturePair> pairs) {
      String a = channels(responses, pairs.stream().mapToLong(QuadraturePair::even).toArray());
      String b = channels(responses, pairs.stream().mapToLong(QuadraturePair::odd).toArray());
      String sum =
          graph.node(
              path + "/complex_cells",
              "Add",
              List.of(
                  graph.node(path + "/complex_cells", "Mul", List.of(a, a)),
                  graph.node(path + "/complex_cells", "Mul", List.of(b, b))));
      String floor =
          graph.floats(
              path + "/energy_floor", new long[] {}, new float[] {ENERGY_FLOOR}, Holds.OTHER);
      return graph.node(
          path + "/complex_cells",
          "Sqrt",
          List.of(graph.node(path + "/complex_cells", "Add", List.of(sum, floor))));
    }

    /** The channels {@code indices} of {@code responses}, in that order. */
    private String channels(String responses, long[] indices) {
      return graph.node(
          path + "/complex_cells",
          "Gather",
          List.of(responses, graph.longs(path + "/channels", indices)),
          integer("axis", 1));
    }

    @Override
    public String tensor(FixedTensorBankSpec tensor) {
      return exportedKernel(tensor.filters(), Holds.FIXED_BANK);
    }

    @Override
    public String learnable(LearnableBankSpec learnable) {
      ExportMetadata.Bank bank = exported();
      return convolve(
          x,
          tensors.apply(bank.tensor()),
          in.channels(),
          learnable.filters(),
          Holds.OTHER,
          conv.bias() ? variable(node.scope(), learnable.name(), VariableKey.Role.BIAS) : null);
    }

    /**
     * As declared: the basis on every input channel (a grouped convolution of constants, output
     * channel {@code c * K + k}), then the learned 1x1 mixing; the file holds the basis once per
     * channel and the mixing, not the kernel the two compose.
     */
    @Override
    public String basis(GaborBasisBankSpec basis) {
      int size = conv.size();
      int kernels = basis.basisKernels();
      int channels = in.channels();
      int mixed = basis.mixedChannels(channels);
      int filters = basis.filters();
      float[] spatial = FilterBank.of(basis.basis(), size).toDepthwise(1);
      float[] depthwise = new float[mixed * size * size];
      for (int c = 0; c < channels; c++) {
        for (int k = 0; k < kernels; k++) {
          for (int p = 0; p < size * size; p++) {
            depthwise[((c * kernels + k) * size * size) + p] = spatial[p * kernels + k];
          }
        }
      }
      String responses =
          graph.node(
              path + "/basis",
              "Conv",
              List.of(
                  x,
                  graph.floats(
                      path + "/basis",
                      new long[] {mixed, 1, size, size},
                      depthwise,
                      Holds.FIXED_BANK)),
              integer("group", channels),
              ints("kernel_shape", size, size),
              ints("strides", conv.stride(), conv.stride()),
              ints("pads", pads(in, size, conv.stride(), conv.padding())));
      float[] mixing = tensors.apply(exported().tensor());
      List<String> inputs =
          new ArrayList<>(
              List.of(
                  responses,
                  graph.floats(
                      path + "/mixing",
                      new long[] {filters, mixed, 1, 1},
                      oihw(mixing, 1, mixed, filters),
                      Holds.OTHER)));
      if (conv.bias()) {
        inputs.add(
            graph.floats(
                path + "/bias",
                new long[] {filters},
                variable(node.scope(), basis.name(), VariableKey.Role.BIAS),
                Holds.OTHER));
      }
      return graph.node(path + "/mixing", "Conv", inputs, ints("kernel_shape", 1, 1));
    }
  }
}
