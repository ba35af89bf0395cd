package io.gaborflow.processor.validation;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.model.AddLayerSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.BatchNormLayerSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.DropoutLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerSpec;
import io.gaborflow.core.model.LayerVisitor;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.ParameterCount;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.core.model.Scopes;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.LayerKind;
import io.gaborflow.processor.reading.NetworkDeclaration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Checks the network as a whole once its layers are well formed: shapes flow from the input to a
 * logits layer, and something is left to train.
 */
final class NetworkShapeValidator {

  void validate(NetworkDeclaration declaration, NetworkSpec spec, ValidationReport report) {
    Map<String, LayerField> fieldByName = new HashMap<>();
    for (LayerField f : declaration.fields()) {
      fieldByName.put(f.name(), f);
    }
    checkFilterCounts(declaration, spec, fieldByName, report);
    checkShapes(spec, fieldByName, report);
    if (report.isClean()) {
      checkLogits(spec, fieldByName, report);
    }
    checkTrainable(declaration, spec, report);
  }

  /**
   * Whether a layer needs a feature map (not a vector) as input, and the window that must fit in it
   * (0: none).
   */
  private record MapUse(boolean needsMap, int window) {}

  private static final LayerVisitor<MapUse> MAP_USE =
      new LayerVisitor<>() {
        @Override
        public MapUse conv(ConvLayerSpec conv) {
          return new MapUse(true, conv.size());
        }

        @Override
        public MapUse pool(PoolLayerSpec pool) {
          return new MapUse(true, pool.size());
        }

        @Override
        public MapUse globalAvgPool(GlobalAvgPoolLayerSpec pool) {
          return new MapUse(true, 0);
        }

        @Override
        public MapUse dense(DenseLayerSpec dense) {
          return new MapUse(false, 0);
        }

        @Override
        public MapUse dropout(DropoutLayerSpec dropout) {
          return new MapUse(false, 0);
        }

        @Override
        public MapUse flatten(FlattenLayerSpec flatten) {
          return new MapUse(false, 0);
        }

        @Override
        public MapUse batchNorm(BatchNormLayerSpec norm) {
          return new MapUse(false, 0);
        }

        @Override
        public MapUse add(AddLayerSpec add) {
          return new MapUse(false, 0);
        }
      };

  /** How messages name a node: {@code 3} for the network's layer 3, its scope inside a block. */
  static String label(Node node) {
    OptionalInt index = Scopes.topLayerIndex(node.scope());
    return index.isPresent() && node.scope().equals(Scopes.layer("", index.getAsInt()))
        ? String.valueOf(index.getAsInt())
        : node.scope();
  }

  /** A layer whose banks carry {@code @Conv(filters = N)} must have N filters in all. */
  private static void checkFilterCounts(
      NetworkDeclaration declaration,
      NetworkSpec spec,
      Map<String, LayerField> fieldByName,
      ValidationReport report) {
    for (Node node : spec.nodes()) {
      LayerField origin = fieldByName.get(node.origin());
      if (!(node.layer() instanceof ConvLayerSpec conv)
          || origin == null
          || origin.kind() != LayerKind.CONV
          || !node.scope().equals(Scopes.layer("", origin.index()))) {
        continue;
      }
      for (LayerField field : declaration.fields()) {
        if (field.index() != origin.index() || !field.layer().isExplicit("filters")) {
          continue;
        }
        int declared = field.conv().filters();
        if (declared != conv.filters()) {
          String banks =
              conv.banks().stream()
                  .map(
                      b ->
                          b.name()
                              + ": "
                              + b.filters()
                              + (b instanceof LearnableBankSpec ? " learnable" : " fixed"))
                  .collect(java.util.stream.Collectors.joining(", "));
          report.error(
              Message.LAYER_FILTER_COUNT,
              field.field(),
              field.layerMirror(),
              field.layer().explicit("filters"),
              origin.index(),
              declared,
              conv.filters(),
              banks);
        }
        break;
      }
    }
  }

  private static void checkShapes(
      NetworkSpec spec, Map<String, LayerField> fieldByName, ValidationReport report) {
    for (int i = 0; i < spec.nodes().size(); i++) {
      Node node = spec.nodes().get(i);
      LayerField field = fieldByName.get(node.origin());
      FeatureShape shape = spec.shapeOf(node.input());
      MapUse use = node.layer().accept(MAP_USE);
      if (use.needsMap() && shape.flat()) {
        report.error(
            Message.NEEDS_FEATURE_MAP,
            field.field(),
            field.layerMirror(),
            label(node),
            field.kind().simpleName());
        return;
      }
      if (node.layer() instanceof ConvLayerSpec conv) {
        checkBanks(node, conv, shape, field, fieldByName, report);
      }
      if (i >= spec.shapes().size()) {
        return;
      }
      FeatureShape next = spec.shapes().get(i);
      if (next.height() < 1 || next.width() < 1) {
        int window = use.window();
        report.error(
            Message.WINDOW_DOES_NOT_FIT,
            field.field(),
            field.layerMirror(),
            label(node),
            window,
            window,
            shape);
        return;
      }
    }
  }

  /**
   * Checks that need the input's channels: an npy source's, and SINGLE coverage over one channel.
   */
  private static void checkBanks(
      Node node,
      ConvLayerSpec conv,
      FeatureShape shape,
      LayerField origin,
      Map<String, LayerField> fieldByName,
      ValidationReport report) {
    for (BankSpec bank : conv.banks()) {
      LayerField bankField =
          origin.kind() == LayerKind.BLOCKS ? null : fieldByName.get(bank.name());
      if (bank instanceof FixedTensorBankSpec tensor
          && !tensor.shape().isEmpty()
          && tensor.shape().get(2) != shape.channels()) {
        if (bankField == null) {
          report.error(
              Message.SOURCE_CHANNELS,
              origin.field(),
              tensor.location(),
              tensor.shape().get(2),
              label(node),
              shape.channels());
        } else {
          AnnotationReader source = bankField.fixed().nested("source");
          report.error(
              Message.SOURCE_CHANNELS,
              bankField.field(),
              source.mirror(),
              source.explicit("npy"),
              tensor.location(),
              tensor.shape().get(2),
              label(node),
              shape.channels());
        }
      }
      if (shape.channels() == 1
          && bank instanceof FixedGaborBankSpec fixed
          && fixed.gabor().coverage() == ChannelCoverage.SINGLE) {
        if (bankField == null) {
          report.error(Message.GABOR_SINGLE_ON_ONE_CHANNEL, origin.field(), label(node));
        } else {
          AnnotationReader gabor = bankField.fixed().nested("gabor");
          report.error(
              Message.GABOR_SINGLE_ON_ONE_CHANNEL,
              bankField.field(),
              gabor.mirror(),
              gabor.explicit("coverage"),
              label(node));
        }
      }
    }
  }

  /**
   * The last layer gives the logits: a dense layer with one unit per class and no activation, or
   * global average pooling over one map per class (Network-in-Network's classifier).
   */
  private static void checkLogits(
      NetworkSpec spec, Map<String, LayerField> fieldByName, ValidationReport report) {
    List<Node> nodes = spec.nodes();
    if (nodes.isEmpty()) {
      return;
    }
    Node lastNode = nodes.get(nodes.size() - 1);
    LayerSpec last = lastNode.layer();
    LayerField field = fieldByName.get(lastNode.origin());
    String index = label(lastNode);
    String problem = null;
    if (last instanceof GlobalAvgPoolLayerSpec) {
      int maps = spec.shapeOf(nodes.size() - 1).channels();
      if (maps != spec.classes()) {
        problem =
            "layer " + index + " averages " + maps + " maps for " + spec.classes() + " classes";
      }
    } else if (!(last instanceof DenseLayerSpec dense)) {
      problem = "layer " + index + " is a " + field.kind().description();
    } else if (dense.units() != spec.classes()) {
      problem =
          "layer " + index + " has " + dense.units() + " units for " + spec.classes() + " classes";
    } else if (dense.activation() != Activation.NONE) {
      problem =
          "layer "
              + index
              + " has activation "
              + dense.activation()
              + " (the loss applies softmax itself)";
    }
    if (problem != null) {
      report.error(
          Message.LAST_LAYER_NOT_LOGITS,
          field.field(),
          field.layerMirror(),
          index,
          spec.classes(),
          spec.classes(),
          problem);
    }
  }

  private static void checkTrainable(
      NetworkDeclaration declaration, NetworkSpec spec, ValidationReport report) {
    if (ParameterCount.of(spec).learnable() > 0) {
      return;
    }
    report.error(
        Message.NO_TRAINABLE_PARAMETER,
        declaration.type(),
        declaration.network().mirror(),
        declaration.type().getSimpleName());
  }
}
