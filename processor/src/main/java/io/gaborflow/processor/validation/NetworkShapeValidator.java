package io.gaborflow.processor.validation;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.GlobalAvgPoolLayerSpec;
import io.gaborflow.core.model.LayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.NetworkDeclaration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the network as a whole once its layers are well formed: shapes flow from the input to a
 * logits layer, and something is left to train.
 */
final class NetworkShapeValidator {

  void validate(NetworkDeclaration declaration, NetworkSpec spec, ValidationReport report) {
    Map<Integer, LayerField> firstFieldOf = new HashMap<>();
    Map<String, LayerField> fieldByName = new HashMap<>();
    for (LayerField f : declaration.fields()) {
      firstFieldOf.putIfAbsent(f.index(), f);
      fieldByName.put(f.name(), f);
    }
    checkFilterCounts(declaration, spec, report);
    checkShapes(spec, firstFieldOf, fieldByName, report);
    checkLogits(spec, firstFieldOf, report);
    checkTrainable(declaration, spec, report);
  }

  /** A layer whose banks carry {@code @Conv(filters = N)} must have N filters in all. */
  private static void checkFilterCounts(NetworkDeclaration declaration, NetworkSpec spec, ValidationReport report) {
    for (LayerSpec layer : spec.layers()) {
      if (!(layer instanceof ConvLayerSpec conv)) {
        continue;
      }
      for (LayerField field : declaration.fields()) {
        if (field.index() != layer.index() || !field.layer().isExplicit("filters")) {
          continue;
        }
        int declared = field.layer().intValue("filters");
        if (declared != conv.filters()) {
          String banks = conv.banks().stream()
              .map(b -> b.name() + ": " + b.filters() + (b instanceof LearnableBankSpec ? " learnable" : " fixed"))
              .collect(java.util.stream.Collectors.joining(", "));
          report.error(Message.LAYER_FILTER_COUNT, field.field(), field.layerMirror(), field.layer().explicit("filters"),
              layer.index(), declared, conv.filters(), banks);
        }
        break;
      }
    }
  }

  private static void checkShapes(
      NetworkSpec spec, Map<Integer, LayerField> firstFieldOf, Map<String, LayerField> fieldByName,
      ValidationReport report) {
    FeatureShape shape = spec.input();
    for (LayerSpec layer : spec.layers()) {
      LayerField field = firstFieldOf.get(layer.index());
      if (field.kind().needsFeatureMap() && shape.flat()) {
        report.error(Message.NEEDS_FEATURE_MAP, field.field(), field.layerMirror(), layer.index(),
            field.kind().simpleName());
        return;
      }
      if (layer instanceof ConvLayerSpec conv) {
        for (BankSpec bank : conv.banks()) {
          if (bank instanceof FixedTensorBankSpec tensor && !tensor.shape().isEmpty()
              && tensor.shape().get(2) != shape.channels()) {
            LayerField bankField = fieldByName.get(bank.name());
            AnnotationReader source = bankField.fixed().nested("source");
            report.error(Message.SOURCE_CHANNELS, bankField.field(), source.mirror(), source.explicit("npy"),
                tensor.location(), tensor.shape().get(2), layer.index(), shape.channels());
          }
        }
      }
      if (layer instanceof ConvLayerSpec conv && shape.channels() == 1) {
        for (BankSpec bank : conv.banks()) {
          if (bank instanceof FixedGaborBankSpec fixed && fixed.gabor().coverage() == ChannelCoverage.SINGLE) {
            LayerField bankField = fieldByName.get(bank.name());
            AnnotationReader gabor = bankField.fixed().nested("gabor");
            report.error(Message.GABOR_SINGLE_ON_ONE_CHANNEL, bankField.field(), gabor.mirror(),
                gabor.explicit("coverage"), layer.index());
          }
        }
      }
      FeatureShape next = layer.outputShape(shape);
      if (next.height() < 1 || next.width() < 1) {
        int window = layer instanceof ConvLayerSpec c ? c.size() : ((PoolLayerSpec) layer).size();
        report.error(Message.WINDOW_DOES_NOT_FIT, field.field(), field.layerMirror(), layer.index(),
            window, window, shape);
        return;
      }
      shape = next;
    }
  }

  /**
   * The last layer gives the logits: a dense layer with one unit per class and no activation, or
   * global average pooling over one map per class (Network-in-Network's classifier).
   */
  private static void checkLogits(NetworkSpec spec, Map<Integer, LayerField> firstFieldOf, ValidationReport report) {
    List<LayerSpec> layers = spec.layers();
    if (layers.isEmpty()) {
      return;
    }
    LayerSpec last = layers.get(layers.size() - 1);
    LayerField field = firstFieldOf.get(last.index());
    List<FeatureShape> shapes = spec.outputShapes();
    String problem = null;
    if (last instanceof GlobalAvgPoolLayerSpec) {
      int maps = shapes.get(shapes.size() - 1).channels();
      if (maps != spec.classes()) {
        problem = "layer " + last.index() + " averages " + maps + " maps for " + spec.classes() + " classes";
      }
    } else if (!(last instanceof DenseLayerSpec dense)) {
      problem = "layer " + last.index() + " is a " + field.kind().description();
    } else if (dense.units() != spec.classes()) {
      problem = "layer " + last.index() + " has " + dense.units() + " units for " + spec.classes() + " classes";
    } else if (dense.activation() != Activation.NONE) {
      problem = "layer " + last.index() + " has activation " + dense.activation()
          + " (the loss applies softmax itself)";
    }
    if (problem != null) {
      report.error(Message.LAST_LAYER_NOT_LOGITS, field.field(), field.layerMirror(), last.index(),
          spec.classes(), spec.classes(), problem);
    }
  }

  private static void checkTrainable(NetworkDeclaration declaration, NetworkSpec spec, ValidationReport report) {
    for (LayerSpec layer : spec.layers()) {
      if (layer instanceof DenseLayerSpec) {
        return;
      }
      if (layer instanceof ConvLayerSpec conv
          && conv.banks().stream().anyMatch(b -> b instanceof LearnableBankSpec)) {
        return;
      }
    }
    report.error(Message.NO_TRAINABLE_PARAMETER, declaration.type(), declaration.network().mirror(),
        declaration.type().getSimpleName());
  }
}
