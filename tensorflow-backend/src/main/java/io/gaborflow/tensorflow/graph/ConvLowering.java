package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BankVisitor;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.GaborBasisBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * A convolution layer: each bank over the same input, one output branch per bank.
 *
 * <p>A fixed bank is a constant behind {@code StopGradient}, convolved on its own, so TensorFlow
 * prunes its filter gradient and the optimizer never sees it. A convolution never joins its input:
 * a learnable bank is the sum of convolutions over the input's branches with slices of its one
 * kernel variable, so no input gradient is computed for branches nothing trains through. A layer
 * whose form {@link LoweringOptions#formOf} says is {@link LayerForm#wholeLayer()} is one
 * convolution instead ({@link #wholeLayer}); every layer that could be is recorded as a {@link
 * FormSite}.
 */
final class ConvLowering {
  private ConvLowering() {}

  static Branches lower(LoweringContext context, ConvLayerSpec conv, Branches input) {
    ConvGeometry geometry = new ConvGeometry(conv.size(), conv.stride(), conv.padding());
    if (wholeLayerFits(conv)) {
      if (context.training()) {
        context
            .registry()
            .formSite(new FormSite(context.node().scope(), shape(context, conv, input)));
      }
      LayerForm form = context.options().formOf(context.node().scope());
      if (form.wholeLayer()) {
        return wholeLayer(context, conv, input, geometry, form == LayerForm.SPLIT_GRADIENT);
      }
    }
    List<Branch> outputs = new ArrayList<>(conv.banks().size());
    for (BankSpec bank : conv.banks()) {
      Ops tf = context.tf().withSubScope(bank.name());
      BankOutput lowered =
          bank.accept(
              new BankVisitor<BankOutput>() {
                @Override
                public BankOutput gabor(FixedGaborBankSpec fixed) {
                  return new BankOutput(
                      GaborStages.apply(
                          context, tf, fixedGabor(context, tf, input, fixed, geometry), fixed),
                      fixed.window() != null || fixed.parametric());
                }

                @Override
                public BankOutput tensor(FixedTensorBankSpec tensor) {
                  return new BankOutput(
                      fixedTensor(context, tf, input.joined(tf).value(), tensor, geometry), false);
                }

                @Override
                public BankOutput learnable(LearnableBankSpec learnable) {
                  return new BankOutput(
                      ConvLowering.learnable(context, tf, input, learnable, geometry, conv.bias()),
                      true);
                }

                @Override
                public BankOutput basis(GaborBasisBankSpec basis) {
                  return new BankOutput(
                      GaborBasisLowering.lower(context, tf, input, basis, geometry, conv.bias()),
                      true);
                }
              });
      Operand<TFloat32> out = lowered.value();
      boolean trainedBank = lowered.trained();
      recordResponse(context, bank, input, out);
      outputs.add(
          new Branch(
              Activations.apply(tf, out, conv.activation()),
              bank.filters(),
              trainedBank || input.trained()));
    }
    return new Branches(outputs);
  }

  /**
   * What the cost of the layer's forms depends on (the {@link FormSite#shape()}), such as {@code in
   * 32x32x16 [8 trained, 8] k3 s1 SAME bias gabor-shared:8 learned:8}.
   */
  private static String shape(LoweringContext context, ConvLayerSpec conv, Branches input) {
    FeatureShape in = context.inputShape();
    StringBuilder shape =
        new StringBuilder("in ")
            .append(in.height())
            .append('x')
            .append(in.width())
            .append('x')
            .append(in.channels())
            .append(" [");
    for (Branch part : input.parts()) {
      shape.append(part == input.parts().get(0) ? "" : ", ").append(part.channels());
      shape.append(part.trained() ? " trained" : "");
    }
    shape
        .append("] k")
        .append(conv.size())
        .append(" s")
        .append(conv.stride())
        .append(' ')
        .append(conv.padding())
        .append(conv.bias() ? " bias" : "");
    for (BankSpec bank : conv.banks()) {
      String kind =
          bank.accept(
              new BankVisitor<String>() {
                @Override
                public String gabor(FixedGaborBankSpec gabor) {
                  return "gabor-"
                      + gabor.gabor().coverage().name().toLowerCase(java.util.Locale.ROOT);
                }

                @Override
                public String tensor(FixedTensorBankSpec tensor) {
                  return "tensor";
                }

                @Override
                public String learnable(LearnableBankSpec learnable) {
                  return "learned";
                }

                @Override
                public String basis(GaborBasisBankSpec basis) {
                  return "basis" + basis.basisKernels();
                }
              });
      shape.append(' ').append(kind).append(':').append(bank.filters());
    }
    return shape.toString();
  }

  /**
   * Whether {@link LayerForm#WHOLE_LAYER} applies: a learned bank beside fixed ones that are
   * constants (no parametric or partly trained Gabor bank, whose kernels are variables of their own
   * kind) and are nothing but their kernels' responses (no complex cells or noise), and no Gabor
   * basis bank (two convolutions of their own).
   */
  static boolean wholeLayerFits(ConvLayerSpec conv) {
    boolean learned = false;
    boolean fixed = false;
    for (BankSpec bank : conv.banks()) {
      if (bank instanceof GaborBasisBankSpec) {
        return false;
      } else if (bank instanceof LearnableBankSpec) {
        learned = true;
      } else if (bank instanceof FixedGaborBankSpec gabor) {
        if (gabor.window() != null || gabor.parametric() || gabor.hasStagesAfterKernels()) {
          return false;
        }
        fixed = true;
      } else {
        fixed = true;
      }
    }
    return learned && fixed;
  }

  /**
   * The layer as one convolution of the joined input with every bank's kernel side by side, in bank
   * order: constants behind a stop-gradient for fixed banks (over all input channels, a shared
   * Gabor kernel as its 1/Cin share on each), variables for learned ones; fixed banks add a zero
   * bias. With {@code splitGradient}, the training pass's convolution reads the learned kernels
   * through a stop-gradient too, and a {@link KernelGradientSite} per learned bank lets the trainer
   * compute the filter gradient of that bank's output channels alone ({@link
   * LayerForm#SPLIT_GRADIENT}). The banks and their variables are registered as {@link
   * LayerForm#PER_BANK} registers them, so checkpoints, exports and filter images do not depend on
   * the form.
   */
  private static Branches wholeLayer(
      LoweringContext context,
      ConvLayerSpec conv,
      Branches input,
      ConvGeometry geometry,
      boolean splitGradient) {
    boolean ownGradients = splitGradient && context.training();
    FeatureShape in = context.inputShape();
    Ops layer = context.tf();
    List<Operand<TFloat32>> kernels = new ArrayList<>();
    List<Operand<TFloat32>> biases = new ArrayList<>();
    List<Variable<TFloat32>> learnedKernels = new ArrayList<>();
    for (BankSpec bank : conv.banks()) {
      Ops tf = layer.withSubScope(bank.name());
      if (bank instanceof LearnableBankSpec learnable) {
        LearnedKernel kernel = learnedKernel(context, tf, learnable, geometry, conv.bias());
        // With its own gradient, the kernel's gradient comes from its KernelGradientSite.
        kernels.add(ownGradients ? tf.stopGradient(kernel.kernel()) : kernel.kernel());
        biases.add(kernel.bias());
        learnedKernels.add(kernel.kernel());
      } else {
        learnedKernels.add(null);
        float[] values =
            bank instanceof FixedGaborBankSpec gabor
                ? registerFixedGabor(context, tf, gabor, geometry)
                    .filters()
                    .toHwio(in.channels(), gabor.gabor().coverage())
                : registerFixedTensor(context, tf, (FixedTensorBankSpec) bank, geometry).values();
        Shape shape = Shape.of(geometry.size(), geometry.size(), in.channels(), bank.filters());
        kernels.add(
            tf.stopGradient(
                tf.withName("layer_kernel").constant(shape, DataBuffers.of(values, true, false))));
        biases.add(conv.bias() ? tf.constant(new float[bank.filters()]) : null);
      }
    }
    Operand<TFloat32> kernel = layer.withName("kernel").concat(kernels, layer.constant(3));
    Operand<TFloat32> out = geometry.convolve(layer, input.joined(layer).value(), kernel);
    if (ownGradients) {
      int first = 0;
      for (int i = 0; i < conv.banks().size(); i++) {
        int filters = conv.banks().get(i).filters();
        if (learnedKernels.get(i) != null) {
          context
              .registry()
              .kernelGradient(
                  new KernelGradientSite(learnedKernels.get(i), out, first, filters, geometry));
        }
        first += filters;
      }
    }
    if (conv.bias()) {
      out = layer.nn.biasAdd(out, layer.withName("bias").concat(biases, layer.constant(0)));
    }
    if (!context.training()) {
      int first = 0;
      for (BankSpec bank : conv.banks()) {
        recordResponse(
            context,
            bank,
            input,
            layer.slice(
                out,
                layer.constant(new int[] {0, 0, 0, first}),
                layer.constant(new int[] {-1, -1, -1, bank.filters()})));
        first += bank.filters();
      }
    }
    int channels = conv.banks().stream().mapToInt(BankSpec::filters).sum();
    return Branches.of(Activations.apply(layer, out, conv.activation()), channels, true);
  }

  /** Registers, in the inference pass, {@code bank}'s output before its activation. */
  private static void recordResponse(
      LoweringContext context, BankSpec bank, Branches input, Operand<TFloat32> out) {
    if (!context.training()) {
      context
          .registry()
          .response(
              new BankResponse(
                  Scopes.bank(context.node().scope(), bank.name()),
                  input.parts().stream().map(Branch::value).toList(),
                  out));
    }
  }

  /** A bank's output, and whether a weight of the bank itself trains. */
  private record BankOutput(Operand<TFloat32> value, boolean trained) {}

  private static Operand<TFloat32> fixedGabor(
      LoweringContext context,
      Ops tf,
      Branches input,
      FixedGaborBankSpec bank,
      ConvGeometry geometry) {
    FeatureShape in = context.inputShape();
    Operand<TFloat32> source;
    if (bank.gabor().coverage() == ChannelCoverage.SHARED) {
      // The same kernel / Cin on every channel equals the kernel applied to the channel mean:
      // one single-channel convolution instead of Cin of them.
      source =
          in.channels() == 1 ? input.parts().get(0).value() : channelMean(tf, input, in.channels());
    } else {
      source = input.joined(tf).value();
    }
    RegisteredGabor registered = registerFixedGabor(context, tf, bank, geometry);
    FixedConvForms.Geometry formGeometry =
        new FixedConvForms.Geometry(
            geometry,
            in.height(),
            in.width(),
            registered.kernelChannels(),
            registered.filters().filterCount());
    FixedConvForm form =
        FixedConvForms.choose(
            formGeometry,
            registered.constant(),
            context.training() && input.trained(),
            context.deterministic());
    return form.apply(tf, source, registered.kernel(), registered.values(), formGeometry);
  }

  /**
   * A Gabor bank's kernel as the graph holds it, registered with its values.
   *
   * @param kernelChannels 1 for a shared kernel (convolved with the channel mean), Cin otherwise
   * @param constant whether the kernel is a constant (not parametric, never trained)
   */
  private record RegisteredGabor(
      FilterBank filters,
      Operand<TFloat32> kernel,
      float[] values,
      int kernelChannels,
      boolean constant) {}

  /** Builds {@code bank}'s kernel (constant, variable or parametric) and registers the bank. */
  private static RegisteredGabor registerFixedGabor(
      LoweringContext context, Ops tf, FixedGaborBankSpec bank, ConvGeometry geometry) {
    FeatureShape in = context.inputShape();
    FilterBank filters = FilterBank.of(bank.gabor(), geometry.size());
    ChannelCoverage coverage = bank.gabor().coverage();
    int kernelChannels = coverage == ChannelCoverage.SHARED ? 1 : in.channels();
    float[] values = filters.toHwio(kernelChannels, coverage);
    Shape kernelShape =
        Shape.of(geometry.size(), geometry.size(), kernelChannels, filters.filterCount());
    String path = Scopes.bank(context.node().scope(), bank.name());
    Operand<TFloat32> kernel;
    Map<GaborParameter, Variable<TFloat32>> parameters = Map.of();
    boolean constant = bank.window() == null && !bank.parametric();
    if (bank.parametric()) {
      // Gabor kernels of learned parameters: when they do not train, the update op leaves them out
      // and the kernel's gradient is pruned, as for a constant.
      ParametricGaborKernel.Built built =
          ParametricGaborKernel.build(context, tf, bank, filters, kernelChannels);
      kernel = built.kernel();
      parameters = built.variables();
    } else if (constant) {
      kernel =
          tf.stopGradient(
              tf.withName("kernel").constant(kernelShape, DataBuffers.of(values, true, false)));
    } else {
      // Trained for a window of epochs: a variable that starts at the Gabor values. The update op
      // of the other epochs leaves it out, so then it costs what a constant costs.
      kernel =
          context
              .registry()
              .learnable(
                  context.key(bank.name(), VariableKey.Role.KERNEL),
                  kernelShape,
                  null,
                  0,
                  0,
                  values,
                  bank.window());
    }
    context
        .registry()
        .fixedBank(
            new FixedBank(
                path,
                kernel,
                values,
                filters,
                coverage,
                in.channels(),
                geometry.size(),
                filters.filterCount(),
                bank.window(),
                bank.gabor().normalization(),
                parameters));
    return new RegisteredGabor(filters, kernel, values, kernelChannels, constant);
  }

  private static Operand<TFloat32> fixedTensor(
      LoweringContext context,
      Ops tf,
      Operand<TFloat32> input,
      FixedTensorBankSpec bank,
      ConvGeometry geometry) {
    FeatureShape in = context.inputShape();
    RegisteredTensor registered = registerFixedTensor(context, tf, bank, geometry);
    FixedConvForms.Geometry formGeometry =
        new FixedConvForms.Geometry(
            geometry, in.height(), in.width(), in.channels(), bank.filters());
    return FixedConvForms.CONV2D.apply(
        tf, input, registered.kernel(), registered.values(), formGeometry);
  }

  /** A fixed tensor bank's constant kernel and its values, HWIO over every input channel. */
  private record RegisteredTensor(Operand<TFloat32> kernel, float[] values) {}

  /** Loads {@code bank}'s values, builds its constant kernel and registers the bank. */
  private static RegisteredTensor registerFixedTensor(
      LoweringContext context, Ops tf, FixedTensorBankSpec bank, ConvGeometry geometry) {
    FeatureShape in = context.inputShape();
    float[] values = context.sources().apply(bank).load(geometry.size(), in.channels());
    int n = bank.filters();
    Shape shape = Shape.of(geometry.size(), geometry.size(), in.channels(), n);
    Operand<TFloat32> kernel =
        tf.stopGradient(tf.withName("kernel").constant(shape, DataBuffers.of(values, true, false)));
    context
        .registry()
        .fixedBank(
            new FixedBank(
                Scopes.bank(context.node().scope(), bank.name()),
                kernel,
                values,
                null,
                ChannelCoverage.SINGLE,
                in.channels(),
                geometry.size(),
                n,
                null,
                Normalization.NONE,
                Map.of()));
    return new RegisteredTensor(kernel, values);
  }

  private static Operand<TFloat32> learnable(
      LoweringContext context,
      Ops tf,
      Branches input,
      LearnableBankSpec bank,
      ConvGeometry geometry,
      boolean withBias) {
    LearnedKernel learned = learnedKernel(context, tf, bank, geometry, withBias);
    Variable<TFloat32> kernel = learned.kernel();
    Variable<TFloat32> bias = learned.bias();
    List<Branch> parts = input.parts();
    if (parts.size() == 1) {
      Operand<TFloat32> conv = geometry.convolve(tf, parts.get(0).value(), kernel);
      return bias == null ? conv : tf.nn.biasAdd(conv, bias);
    }
    // A convolution over concatenated channels is the sum of convolutions over each branch with
    // the matching slice of the kernel: TensorFlow then computes the input gradient only for the
    // branches a trained weight depends on, and each branch gets its gradient directly.
    Operand<TFloat32> sum = null;
    int first = 0;
    for (Branch part : parts) {
      Operand<TFloat32> slice =
          tf.slice(
              kernel,
              tf.constant(new int[] {0, 0, first, 0}),
              tf.constant(new int[] {-1, -1, part.channels(), -1}));
      Operand<TFloat32> conv = geometry.convolve(tf, part.value(), slice);
      if (sum == null) {
        // The bias on the first part, so that its Conv2D and BiasAdd still fuse into one oneDNN op.
        sum = bias == null ? conv : tf.nn.biasAdd(conv, bias);
      } else {
        sum = tf.math.add(sum, conv);
      }
      first += part.channels();
    }
    return sum;
  }

  /** A learned bank's kernel variable, and its bias variable or null. */
  private record LearnedKernel(Variable<TFloat32> kernel, Variable<TFloat32> bias) {}

  /** Creates (or, in the second pass, finds) a learned bank's variables and registers the bank. */
  private static LearnedKernel learnedKernel(
      LoweringContext context,
      Ops tf,
      LearnableBankSpec bank,
      ConvGeometry geometry,
      boolean withBias) {
    int inChannels = context.inputShape().channels();
    Shape kernelShape = Shape.of(geometry.size(), geometry.size(), inChannels, bank.filters());
    long receptive = (long) geometry.size() * geometry.size();
    long fanIn = receptive * inChannels;
    long fanOut = receptive * bank.filters();
    VariableRegistry registry = context.registry();
    VariableKey kernelKey = context.key(bank.name(), VariableKey.Role.KERNEL);
    Variable<TFloat32> kernel =
        registry.learnable(kernelKey, kernelShape, bank.initializer(), fanIn, fanOut, null, null);
    registry.learnedBank(kernelKey.ownerPath(), kernel);
    Variable<TFloat32> bias =
        withBias
            ? registry.learnable(
                context.key(bank.name(), VariableKey.Role.BIAS),
                Shape.of(bank.filters()),
                null,
                fanIn,
                fanOut,
                null,
                null)
            : null;
    return new LearnedKernel(kernel, bias);
  }

  /** The mean over all channels of the branches, without joining them first. */
  private static Operand<TFloat32> channelMean(Ops tf, Branches input, int inChannels) {
    List<Branch> parts = input.parts();
    if (parts.size() == 1) {
      return tf.withName("channel_mean")
          .math
          .mean(parts.get(0).value(), tf.constant(new int[] {3}), Mean.keepDims(true));
    }
    Operand<TFloat32> sum = null;
    for (Branch part : parts) {
      Operand<TFloat32> partSum =
          tf.reduceSum(part.value(), tf.constant(new int[] {3}), ReduceSum.keepDims(true));
      sum = sum == null ? partSum : tf.math.add(sum, partSum);
    }
    return tf.withName("channel_mean").math.mul(sum, tf.constant(1f / inChannels));
  }
}
