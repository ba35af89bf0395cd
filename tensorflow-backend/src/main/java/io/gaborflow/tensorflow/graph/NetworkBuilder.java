package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.Windows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The building blocks generated graphs call, one method per layer kind. It keeps the current
 * output and its static shape, names every op after its layer and bank ({@code layer3/conv_a/
 * kernel}), and records which tensors are learnable and which banks are fixed.
 *
 * <p>A fixed Gabor bank never becomes a variable: it is a constant behind {@code StopGradient},
 * convolved on its own, so TensorFlow prunes its filter gradient and the optimizer never sees it.
 */
public final class NetworkBuilder {
  private final Ops root;
  private final long seed;
  private final Placeholder<TFloat32> images;
  private final PlaceholderWithDefault<TFloat32> training;
  private final PlaceholderWithDefault<TInt64> step;
  private final List<LearnableVariable> learnables = new ArrayList<>();
  private final List<FixedBank> fixedBanks = new ArrayList<>();
  private final List<String> convBanks = new ArrayList<>();
  private final BankRewrite rewrite;
  private TrainingCost cost = new TrainingCost(0, 0, 0);
  private boolean learnableBelow;
  // The layer output as branches, one per bank of the last convolution, joined only when a layer
  // needs all channels at once. Activations and pooling act per channel, so they run per branch:
  // the backward pass then skips the branches no trained weight depends on (a fixed bank of the
  // first layer), and no concat gradient is sliced at full resolution.
  private List<Branch> branches;
  private long[] shape; // of one example: {h, w, c} for a feature map, {n} for a vector
  private int layer;

  private NetworkBuilder(Ops root, InputSpec input, long seed, BankRewrite rewrite) {
    this.root = root;
    this.seed = seed;
    this.rewrite = rewrite;
    this.images =
        root.withName("images")
            .placeholder(
                TFloat32.class,
                Placeholder.shape(
                    Shape.of(-1, input.height(), input.width(), input.channels())));
    this.training =
        root.withName("training").placeholderWithDefault(root.constant(0f), Shape.scalar());
    this.step = root.withName("step").placeholderWithDefault(root.constant(0L), Shape.scalar());
    this.branches = List.of(new Branch(images, Math.toIntExact(input.channels()), false));
    this.shape = new long[] {input.height(), input.width(), input.channels()};
  }

  /** Builds {@code model}'s forward graph in {@code tf}'s graph; {@code seed} seeds dropout. */
  public static BuiltNetwork build(Ops tf, ModelGraph model, long seed) {
    NetworkBuilder net =
        new NetworkBuilder(tf, model.input(), seed, model instanceof BankRewrite r ? r : null);
    model.build(net);
    if (net.shape.length != 1 || net.shape[0] != model.input().classes()) {
      throw new IllegalStateException(
          model.modelName() + " ends with shape " + java.util.Arrays.toString(net.shape)
              + ", expected a vector of " + model.input().classes() + " logits");
    }
    Operand<TFloat32> logits = tf.withName("logits").identity(net.joined(tf).value());
    return new BuiltNetwork(
        net.images, net.training, net.step, logits, List.copyOf(net.learnables), List.copyOf(net.fixedBanks),
        List.copyOf(net.convBanks), net.cost);
  }

  /** A bank of Gabor filters that stay fixed for the whole run. */
  public BankDeclaration.FixedGabor fixedGabor(String name, GaborBankSpec spec) {
    return new BankDeclaration.FixedGabor(name, spec, null);
  }

  /** A bank of fixed filters whose values come from {@code source}. */
  public BankDeclaration.FixedTensor fixedTensor(String name, TensorSource source) {
    return new BankDeclaration.FixedTensor(name, source);
  }

  /** A bank of {@code filters} trained filters, each with a bias. */
  public BankDeclaration learnable(String name, int filters, Initializer initializer) {
    return new BankDeclaration.Learnable(name, filters, initializer);
  }

  /** A convolution layer: every bank over the same input, outputs concatenated in order. */
  public void conv(
      int size, int stride, Padding padding, Activation activation, BankDeclaration... declared) {
    requireSpatial("conv");
    List<BankDeclaration> banks = rewrite == null ? List.of(declared) : rewrite.rewrite(List.of(declared));
    Ops tf = nextLayer();
    ConvGeometry geometry = new ConvGeometry(size, stride, padding);
    int inChannels = Math.toIntExact(shape[2]);
    // The input stays in its branches: a learnable bank convolves them one by one (see learnable).
    List<Branch> input = branches;
    boolean trainedInput = input.stream().anyMatch(Branch::trained);
    List<Branch> outputs = new ArrayList<>(banks.size());
    long filters = 0;
    for (BankDeclaration bank : banks) {
      Ops scoped = tf.withSubScope(bank.name());
      convBanks.add(prefix(bank.name()));
      Operand<TFloat32> out;
      boolean trainedBank;
      if (bank instanceof BankDeclaration.FixedGabor fixed) {
        out = fixedGabor(scoped, input, fixed, inChannels, geometry);
        trainedBank = fixed.window() != null;
      } else if (bank instanceof BankDeclaration.FixedTensor tensor) {
        out = fixedTensor(scoped, join(scoped, input).value(), tensor, inChannels, geometry);
        trainedBank = false;
      } else {
        out = learnable(scoped, input, (BankDeclaration.Learnable) bank, inChannels, geometry);
        trainedBank = true;
      }
      outputs.add(new Branch(Activations.apply(scoped, out, activation), bank.filterCount(), trainedBank || trainedInput));
      filters += bank.filterCount();
    }
    branches = List.copyOf(outputs);
    long outH = outputSize(shape[0], size, stride, padding);
    long outW = outputSize(shape[1], size, stride, padding);
    countConv(banks, shape, outH * outW * size * size, inChannels);
    shape = new long[] {outH, outW, filters};
  }

  /** Adds a convolution layer's multiply-accumulates; {@code perChannelFilter} = Hout·Wout·k². */
  private void countConv(List<BankDeclaration> banks, long[] in, long perChannelFilter, int inChannels) {
    long forward = 0;
    long filterGradient = 0;
    boolean learnable = false;
    for (BankDeclaration bank : banks) {
      long full = perChannelFilter * inChannels * bank.filterCount();
      if (bank instanceof BankDeclaration.FixedGabor fixed && fixed.spec().coverage() == ChannelCoverage.SHARED) {
        forward += perChannelFilter * bank.filterCount() + (inChannels > 1 ? in[0] * in[1] * inChannels : 0);
      } else {
        forward += full;
      }
      if (bank instanceof BankDeclaration.Learnable) {
        filterGradient += full;
        learnable = true;
      }
    }
    cost = cost.plus(forward, learnableBelow ? forward : 0, filterGradient);
    learnableBelow |= learnable;
  }

  public void maxPool(int size, int stride, Padding padding) {
    requireSpatial("maxPool");
    Ops tf = nextLayer();
    branches = perBranch(x -> maxPool(tf, x, size, stride, padding));
    pooled(size, stride, padding);
  }

  /**
   * Max pooling as the {@code MaxPool} op, window and strides as attributes. TensorFlow Java's
   * {@code tf.nn.maxPool} builds {@code MaxPoolV2} (window and strides as tensors), which the
   * oneDNN rewrite leaves on TensorFlow's generic kernels: its gradient took 4.7 ms of LeNet's
   * step, against 0.7 ms for the oneDNN kernel that {@code MaxPool} gets (bench/README.md).
   */
  private static Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x, int size, int stride, Padding padding) {
    return tf.scope()
        .opBuilder("MaxPool", "MaxPool")
        .addInput(x.asOutput())
        .setAttr("ksize", new long[] {1, size, size, 1})
        .setAttr("strides", new long[] {1, stride, stride, 1})
        .setAttr("padding", padding.name())
        .build()
        .output(0);
  }

  public void avgPool(int size, int stride, Padding padding) {
    requireSpatial("avgPool");
    Ops tf = nextLayer();
    branches = perBranch(x -> tf.nn.avgPool(x, List.of(1L, (long) size, (long) size, 1L),
        List.of(1L, (long) stride, (long) stride, 1L), padding.name()));
    pooled(size, stride, padding);
  }

  /** A fully connected layer; a feature map is flattened first. */
  public void dense(String name, int units, Activation activation, Initializer initializer) {
    Ops tf = nextLayer().withSubScope(name);
    long inputs = flattenedSize();
    Operand<TFloat32> in = joined(tf).value();
    Operand<TFloat32> x = shape.length == 1 ? in : tf.reshape(in, tf.constant(new long[] {-1, inputs}));
    Variable<TFloat32> kernel = variable(prefix(name) + "/kernel", Shape.of(inputs, units), initializer, inputs, units);
    Variable<TFloat32> bias = variable(prefix(name) + "/bias", Shape.of(units), null, inputs, units);
    Operand<TFloat32> out = tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias);
    cost = cost.plus(inputs * units, learnableBelow ? inputs * units : 0, inputs * units);
    learnableBelow = true;
    branches = List.of(new Branch(Activations.apply(tf, out, activation), units, true));
    shape = new long[] {units};
  }

  /**
   * Inverted dropout: while the {@code training} placeholder is 1 each activation is kept with
   * probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}; at its default 0 the mask is
   * all ones, so evaluation needs no second graph. The mask is drawn statelessly from the seed,
   * the layer and the fed global step, so a resumed run draws the same masks as an uninterrupted one.
   */
  public void dropout(double rate) {
    Ops tf = nextLayer();
    if (rate == 0) {
      return;
    }
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant((float) rate), training));
    Operand<TInt64> streamSeed =
        tf.concat(List.of(tf.constant(new long[] {seed * 1_000_003L + layer}), tf.reshape(step, tf.constant(new long[] {1}))),
            tf.constant(0));
    Branch joined = joined(tf);
    Operand<TFloat32> in = joined.value();
    Operand<TFloat32> noise = tf.random.statelessRandomUniform(tf.shape(in), streamSeed, TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, noise));
    branches = List.of(new Branch(tf.math.div(tf.math.mul(in, mask), keep), joined.channels(), joined.trained()));
  }

  public void flatten() {
    Ops tf = nextLayer();
    long n = flattenedSize();
    Branch joined = joined(tf);
    branches = List.of(new Branch(tf.reshape(joined.value(), tf.constant(new long[] {-1, n})), Math.toIntExact(n), joined.trained()));
    shape = new long[] {n};
  }

  public void globalAvgPool() {
    requireSpatial("globalAvgPool");
    Ops tf = nextLayer();
    branches = perBranch(x -> tf.math.mean(x, tf.constant(new int[] {1, 2})));
    shape = new long[] {shape[2]};
  }

  private Operand<TFloat32> fixedGabor(
      Ops tf, List<Branch> parts, BankDeclaration.FixedGabor bank, int inChannels, ConvGeometry geometry) {
    FilterBank filters = FilterBank.of(bank.spec(), geometry.size());
    ChannelCoverage coverage = bank.spec().coverage();
    Operand<TFloat32> input;
    int kernelChannels = inChannels;
    if (coverage == ChannelCoverage.SHARED) {
      // The same kernel / Cin on every channel equals the kernel applied to the channel mean:
      // one single-channel convolution instead of Cin of them.
      kernelChannels = 1;
      input = inChannels == 1 ? parts.get(0).value() : channelMean(tf, parts, inChannels);
    } else {
      input = join(tf, parts).value();
    }
    float[] values = filters.toHwio(kernelChannels, coverage);
    Shape kernelShape = Shape.of(geometry.size(), geometry.size(), kernelChannels, filters.filterCount());
    Operand<TFloat32> kernel;
    if (bank.window() == null) {
      kernel = tf.stopGradient(tf.withName("kernel").constant(kernelShape, DataBuffers.of(values, true, false)));
    } else {
      // Trained for a window of epochs: a variable that starts at the Gabor values. The update op
      // of the other epochs leaves it out, so then it costs what a constant costs.
      kernel = variable(prefix(bank.name()) + "/kernel", kernelShape, null, 0, 0, values, bank.window());
    }
    fixedBanks.add(new FixedBank(prefix(bank.name()), kernel, values, filters, coverage, inChannels, geometry.size(),
        filters.filterCount(), bank.window()));
    int height = Math.toIntExact(shape[0]);
    int width = Math.toIntExact(shape[1]);
    boolean trainedInput = parts.stream().anyMatch(Branch::trained);
    if (kernelChannels == 1 && bank.window() == null && trainedInput) {
      // The input gradient is needed: both forms below have one on the matrix kernels, against
      // about 4 GMAC/s for the depthwise convolution's input gradient.
      if (ConvolutionMatrix.pays(height, width, geometry, filters.filterCount())) {
        return convolutionAsMatrix(tf, input, values, height, width, geometry, filters.filterCount());
      }
      return convolutionAsTaps(tf, input, values, height, width, geometry, filters.filterCount());
    }
    if (kernelChannels == 1) {
      // A convolution of one input channel into n maps is a depthwise convolution with channel
      // multiplier n (the same [k, k, 1, n] kernel, the same result); TensorFlow's depthwise
      // kernels run it faster than Conv2D, which is tuned for many input channels (gabor-lenet's
      // training step: 18.1 ms with Conv2D, 16.1 ms with depthwise, bench/README.md).
      return tf.nn.depthwiseConv2dNative(input, kernel, geometry.strides(), geometry.paddingName());
    }
    return tf.nn.conv2d(input, kernel, geometry.strides(), geometry.paddingName());
  }

  /** A constant single-channel convolution as one matrix product ({@link ConvolutionMatrix}). */
  private static Operand<TFloat32> convolutionAsMatrix(Ops tf, Operand<TFloat32> input, float[] kernel, int height,
      int width, ConvGeometry geometry, int filters) {
    int oh = ConvolutionMatrix.outputHeight(height, geometry);
    int ow = ConvolutionMatrix.outputWidth(width, geometry);
    float[] matrix = ConvolutionMatrix.of(kernel, height, width, geometry, filters);
    Operand<TFloat32> constant = tf.stopGradient(tf.withName("matrix")
        .constant(Shape.of((long) height * width, (long) oh * ow * filters), DataBuffers.of(matrix, true, false)));
    Operand<TFloat32> flat = tf.reshape(input, tf.constant(new long[] {-1, (long) height * width}));
    return tf.reshape(tf.linalg.matMul(flat, constant), tf.constant(new long[] {-1, oh, ow, filters}));
  }

  /**
   * A constant single-channel convolution as its k² shifted copies of the input (one per kernel
   * tap) times the [k², n] kernel: a matrix product whose gradient, the same product transposed
   * plus k² shifted additions, replaces the depthwise convolution's input gradient. gabor-nin's
   * sixth layer (16 x 16, 96 filters), forward and backward of the fixed bank single-threaded:
   * about 7 ms against 14 ms (the depthwise input gradient alone took 10 ms).
   */
  private static Operand<TFloat32> convolutionAsTaps(Ops tf, Operand<TFloat32> input, float[] kernel, int height,
      int width, ConvGeometry geometry, int filters) {
    int k = geometry.size();
    int stride = geometry.stride();
    int oh = ConvolutionMatrix.outputHeight(height, geometry);
    int ow = ConvolutionMatrix.outputWidth(width, geometry);
    int top = Windows.padBefore(height, k, stride, geometry.padding());
    int left = Windows.padBefore(width, k, stride, geometry.padding());
    int bottom = Math.max((oh - 1) * stride + k - height - top, 0);
    int right = Math.max((ow - 1) * stride + k - width - left, 0);
    Operand<TFloat32> padded = top + bottom + left + right == 0 ? input
        : tf.pad(input, tf.constant(new int[][] {{0, 0}, {top, bottom}, {left, right}, {0, 0}}), tf.constant(0f));
    List<Operand<TFloat32>> taps = new ArrayList<>(k * k);
    Operand<TInt64> row = tf.constant(new long[] {1, -1});
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        // Slice's gradient is a Pad; StridedSlice's runs a generic kernel several times slower.
        Operand<TFloat32> tap = stride == 1
            ? tf.slice(padded, tf.constant(new int[] {0, a, b, 0}), tf.constant(new int[] {-1, oh, ow, 1}))
            : tf.stridedSlice(padded, tf.constant(new int[] {0, a, b, 0}),
                tf.constant(new int[] {0, a + (oh - 1) * stride + 1, b + (ow - 1) * stride + 1, 1}),
                tf.constant(new int[] {1, stride, stride, 1}), StridedSlice.beginMask(1L), StridedSlice.endMask(1L));
        taps.add(tf.reshape(tap, row));
      }
    }
    // One row per tap: stacking whole rows is a copy of contiguous blocks, where joining k² maps
    // of one channel each along the channel axis writes one value at a time.
    Operand<TFloat32> patches = tf.concat(taps, tf.constant(0));
    Operand<TFloat32> weights = tf.stopGradient(tf.withName("taps_kernel")
        .constant(Shape.of((long) k * k, filters), DataBuffers.of(kernel, true, false)));
    Operand<TFloat32> product = tf.linalg.matMul(patches, weights, MatMul.transposeA(true));
    return tf.reshape(product, tf.constant(new long[] {-1, oh, ow, filters}));
  }

  private Operand<TFloat32> fixedTensor(
      Ops tf, Operand<TFloat32> input, BankDeclaration.FixedTensor bank, int inChannels, ConvGeometry geometry) {
    float[] values = bank.source().load(geometry.size(), inChannels);
    int n = bank.filterCount();
    Shape shape = Shape.of(geometry.size(), geometry.size(), inChannels, n);
    Operand<TFloat32> kernel =
        tf.stopGradient(tf.withName("kernel").constant(shape, DataBuffers.of(values, true, false)));
    fixedBanks.add(new FixedBank(prefix(bank.name()), kernel, values, null, ChannelCoverage.SINGLE, inChannels,
        geometry.size(), n, null));
    return tf.nn.conv2d(input, kernel, geometry.strides(), geometry.paddingName());
  }

  private Operand<TFloat32> learnable(
      Ops tf, List<Branch> parts, BankDeclaration.Learnable bank, int inChannels, ConvGeometry geometry) {
    Shape kernelShape = Shape.of(geometry.size(), geometry.size(), inChannels, bank.filters());
    long receptive = (long) geometry.size() * geometry.size();
    long fanIn = receptive * inChannels;
    long fanOut = receptive * bank.filters();
    String prefix = prefix(bank.name());
    Variable<TFloat32> kernel = variable(prefix + "/kernel", kernelShape, bank.initializer(), fanIn, fanOut);
    Variable<TFloat32> bias = variable(prefix + "/bias", Shape.of(bank.filters()), null, fanIn, fanOut);
    if (parts.size() == 1) {
      return tf.nn.biasAdd(tf.nn.conv2d(parts.get(0).value(), kernel, geometry.strides(), geometry.paddingName()), bias);
    }
    // A convolution over concatenated channels is the sum of convolutions over each branch with
    // the matching slice of the kernel. Split this way, TensorFlow computes the input gradient
    // only for the branches a trained weight depends on (half of the input gradient when a fixed
    // bank of the first layer supplies half of the channels), and each branch gets its gradient
    // directly: no concat forward, no slicing of its gradient backward (gabor-nin's 1x1 layers
    // after a mixed layer: the step ratio went from 0.73 to 0.705 over four runs each).
    Operand<TFloat32> sum = null;
    int first = 0;
    for (Branch part : parts) {
      Operand<TFloat32> slice = tf.slice(kernel, tf.constant(new int[] {0, 0, first, 0}),
          tf.constant(new int[] {-1, -1, part.channels(), -1}));
      Operand<TFloat32> conv = tf.nn.conv2d(part.value(), slice, geometry.strides(), geometry.paddingName());
      // The bias on the first part, so that its Conv2D and BiasAdd still fuse into one oneDNN op.
      sum = sum == null ? tf.nn.biasAdd(conv, bias) : tf.math.add(sum, conv);
      first += part.channels();
    }
    return sum;
  }

  /** The mean over all channels of the parts, without joining them first. */
  private static Operand<TFloat32> channelMean(Ops tf, List<Branch> parts, int inChannels) {
    if (parts.size() == 1) {
      return tf.withName("channel_mean").math.mean(parts.get(0).value(), tf.constant(new int[] {3}), Mean.keepDims(true));
    }
    Operand<TFloat32> sum = null;
    for (Branch part : parts) {
      Operand<TFloat32> partSum = tf.reduceSum(part.value(), tf.constant(new int[] {3}), ReduceSum.keepDims(true));
      sum = sum == null ? partSum : tf.math.add(sum, partSum);
    }
    return tf.withName("channel_mean").math.mul(sum, tf.constant(1f / inChannels));
  }

  /**
   * A learnable variable named {@code layer3.conv_a.kernel}: at the root scope with dots, because
   * the optimizer derives its slot names from the variable's name and rejects a '/' in them.
   */
  private Variable<TFloat32> variable(
      String name, Shape shape, Initializer initializer, long fanIn, long fanOut) {
    return variable(name, shape, initializer, fanIn, fanOut, null, null);
  }

  private Variable<TFloat32> variable(String name, Shape shape, Initializer initializer, long fanIn,
      long fanOut, float[] startValues, TrainingWindow window) {
    Variable<TFloat32> v = root.withName(name.replace('/', '.')).variable(shape, TFloat32.class);
    learnables.add(new LearnableVariable(name, v, shape, initializer, fanIn, fanOut, startValues, window));
    return v;
  }

  /** The layer output as one tensor, concatenating the branches once if there are several. */
  private Branch joined(Ops tf) {
    if (branches.size() > 1) {
      branches = List.of(join(tf, branches));
    }
    return branches.get(0);
  }

  private static Branch join(Ops tf, List<Branch> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<Operand<TFloat32>> values = parts.stream().map(Branch::value).toList();
    int channels = parts.stream().mapToInt(Branch::channels).sum();
    boolean trained = parts.stream().anyMatch(Branch::trained);
    return new Branch(tf.withName("concat").concat(values, tf.constant(3)), channels, trained);
  }

  private List<Branch> perBranch(UnaryOperator<Operand<TFloat32>> op) {
    List<Branch> out = new ArrayList<>(branches.size());
    for (Branch branch : branches) {
      out.add(new Branch(op.apply(branch.value()), branch.channels(), branch.trained()));
    }
    return out;
  }

  private Ops nextLayer() {
    layer++;
    return root.withSubScope("layer" + layer);
  }

  private String prefix(String bank) {
    return "layer" + layer + "/" + bank;
  }

  private void pooled(int size, int stride, Padding padding) {
    shape =
        new long[] {
          outputSize(shape[0], size, stride, padding), outputSize(shape[1], size, stride, padding),
          shape[2]
        };
  }

  private long flattenedSize() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  private void requireSpatial(String what) {
    if (shape.length != 3) {
      throw new IllegalStateException(
          "layer " + (layer + 1) + ": " + what + " needs a feature map but its input is a vector");
    }
  }

  /** The same window arithmetic the processor checked shapes with at compile time. */
  private static long outputSize(long input, int window, int stride, Padding padding) {
    return Windows.outputSize(Math.toIntExact(input), window, stride, padding);
  }
}
