package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerVisitor;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Scopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Lowers a {@link NetworkSpec} to TensorFlow ops, node by node, each kind of layer by its own
 * lowering. The network is lowered twice into one graph, sharing every variable: a training pass
 * (dropout on, batch statistics) that the loss and gradients use, and an inference pass (dropout
 * off, moving statistics) for evaluation, prediction and export.
 */
public final class NetworkLowering {
  /** Which behaviour the layers have. */
  enum Pass {
    TRAINING,
    INFERENCE
  }

  private NetworkLowering() {}

  /**
   * Lowers {@code spec} into {@code tf}'s graph; {@code seed} seeds dropout, {@code sources} gives
   * the values of fixed banks from a filter source, {@code options} choose among ops that compute
   * the same values.
   */
  public static BuiltNetwork lower(
      Ops tf,
      NetworkSpec spec,
      long seed,
      Function<FixedTensorBankSpec, TensorSource> sources,
      LoweringOptions options) {
    return lower(tf, spec, seed, sources, options, TensorExchange.LOCAL);
  }

  /**
   * As {@link #lower(Ops, NetworkSpec, long, Function, LoweringOptions)}, with batch
   * normalisation's batch statistics passed through {@code statistics} before they move the moving
   * ones (in a cluster: averaged over the workers, so every worker keeps the same moving
   * statistics).
   */
  public static BuiltNetwork lower(
      Ops tf,
      NetworkSpec spec,
      long seed,
      Function<FixedTensorBankSpec, TensorSource> sources,
      LoweringOptions options,
      TensorExchange statistics) {
    if (!spec.shapesComplete()) {
      throw new IllegalArgumentException(spec.modelName() + ": a window does not fit its input");
    }
    FeatureShape in = spec.input();
    Placeholder<TFloat32> images =
        tf.withName("images")
            .placeholder(
                TFloat32.class,
                Placeholder.shape(Shape.of(-1, in.height(), in.width(), in.channels())));
    PlaceholderWithDefault<TInt64> step =
        tf.withName("step").placeholderWithDefault(tf.constant(0L), Shape.scalar());
    VariableRegistry registry = new VariableRegistry(tf);
    List<BatchNormLowering.Update> updates = new ArrayList<>();
    Operand<TFloat32> trainingLogits =
        tf.withName("training_logits")
            .identity(
                pass(
                    tf,
                    spec,
                    Pass.TRAINING,
                    images,
                    step,
                    registry,
                    seed,
                    updates,
                    sources,
                    options));
    Operand<TFloat32> logits =
        tf.withName("logits")
            .identity(
                pass(
                    tf.withSubScope("inference"),
                    spec,
                    Pass.INFERENCE,
                    images,
                    step,
                    registry,
                    seed,
                    updates,
                    sources,
                    options));
    return new BuiltNetwork(
        spec,
        images,
        step,
        trainingLogits,
        logits,
        registry.learnables(),
        registry.moving(),
        BatchNormLowering.updateOps(tf.withSubScope("moving_statistics"), updates, statistics),
        registry.fixedBanks(),
        registry.convBanks(),
        registry.responses(),
        registry.formSites(),
        registry.kernelGradients());
  }

  /**
   * {@code tf} under a node's scope: one sub-scope per part of {@code layer2/block1/layer1}, each
   * made once per pass ({@code scopes}), because TensorFlow renames a sub-scope entered twice.
   */
  private static Ops scoped(Ops tf, String scope, Map<String, Ops> scopes) {
    Ops scoped = tf;
    String path = "";
    for (String part : Scopes.parts(scope)) {
      path = path.isEmpty() ? part : path + "/" + part;
      Ops parent = scoped;
      scoped = scopes.computeIfAbsent(path, p -> parent.withSubScope(part));
    }
    return scoped;
  }

  private static Branches output(int index, Branches input, List<Branches> outputs) {
    return index == Node.NETWORK_INPUT ? input : outputs.get(index);
  }

  /** One node, by the lowering of its kind. */
  private static Branches lower(
      LoweringContext context,
      Branches below,
      Branches shortcut,
      List<BatchNormLowering.Update> updates) {
    return context
        .node()
        .layer()
        .accept(
            new LayerVisitor<Branches>() {
              @Override
              public Branches conv(ConvLayerSpec conv) {
                return ConvLowering.lower(context, conv, below);
              }

              @Override
              public Branches pool(PoolLayerSpec pool) {
                return PoolLowering.lower(context, pool, below);
              }

              @Override
              public Branches dense(DenseLayerSpec dense) {
                return DenseLowering.lower(context, dense, below);
              }

              @Override
              public Branches dropout(DropoutLayerSpec dropout) {
                return DropoutLowering.lower(context, dropout, below);
              }

              @Override
              public Branches flatten(FlattenLayerSpec flatten) {
                return ShapeLowering.flatten(context, below);
              }

              @Override
              public Branches globalAvgPool(GlobalAvgPoolLayerSpec pool) {
                return ShapeLowering.globalAvgPool(context, below);
              }

              @Override
              public Branches batchNorm(BatchNormLayerSpec norm) {
                return BatchNormLowering.lower(context, norm, below, updates);
              }

              @Override
              public Branches add(AddLayerSpec add) {
                return AddLowering.lower(context, add, below, shortcut);
              }
            });
  }

  private static Operand<TFloat32> pass(
      Ops tf,
      NetworkSpec spec,
      Pass pass,
      Placeholder<TFloat32> images,
      Operand<TInt64> step,
      VariableRegistry registry,
      long seed,
      List<BatchNormLowering.Update> updates,
      Function<FixedTensorBankSpec, TensorSource> sources,
      LoweringOptions options) {
    List<Node> nodes = spec.nodes();
    List<Branches> outputs = new ArrayList<>(nodes.size());
    Branches input = Branches.of(images, spec.input().channels(), false);
    Map<String, Ops> scopes = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      LoweringContext context =
          new LoweringContext(
              scoped(tf, node.scope(), scopes),
              pass,
              registry,
              node,
              i + 1,
              spec.shapeOf(node.input()),
              seed,
              step,
              sources,
              options);
      Branches below = output(node.input(), input, outputs);
      outputs.add(
          lower(
              context,
              below,
              node.inputs().size() > 1 ? output(node.inputs().get(1), input, outputs) : null,
              updates));
    }
    return outputs.get(outputs.size() - 1).joined(tf).value();
  }
}
