package io.gaborflow.processor.validation;

import io.gaborflow.core.annotation.Conv;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.NetworkDeclaration;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;

/** Checks each annotation's numbers on their own: sizes, counts, rates and Gabor parameters. */
final class AnnotationValueValidator {
  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private final FilterSourceValidator sources;

  AnnotationValueValidator(FilterSourceValidator sources) {
    this.sources = sources;
  }

  void validate(NetworkDeclaration declaration, ValidationReport report) {
    validateNetwork(declaration, report);
    for (LayerField field : declaration.fields()) {
      validateField(field, declaration.block(), report);
    }
  }

  private static void validateNetwork(NetworkDeclaration declaration, ValidationReport report) {
    AnnotationReader network = declaration.network();
    Element type = declaration.type();
    if (declaration.block()) {
      if (network.intValue("width") < 1) {
        report.error(Message.NOT_POSITIVE, type, network.mirror(), network.explicit("width"), "Block", "width",
            network.intValue("width"));
      }
      if (declaration.fields().isEmpty()) {
        report.error(Message.NO_LAYERS, type, type.getSimpleName());
      }
      return;
    }
    for (String dimension : List.of("height", "width", "channels")) {
      if (network.intValue(dimension) < 1) {
        report.error(Message.INPUT_NOT_POSITIVE, type, network.mirror(), network.explicit(dimension),
            dimension, network.intValue(dimension));
      }
    }
    if (network.intValue("classes") < 2) {
      report.error(Message.TOO_FEW_CLASSES, type, network.mirror(), network.explicit("classes"),
          network.intValue("classes"));
    }
    String name = network.stringValue("name");
    if (!name.isEmpty() && !MODEL_NAME.matcher(name).matches()) {
      report.error(Message.INVALID_MODEL_NAME, type, network.mirror(), network.explicit("name"), name);
    }
    if (declaration.fields().isEmpty()) {
      report.error(Message.NO_LAYERS, type, type.getSimpleName());
    }
  }

  private void validateField(LayerField field, boolean inBlock, ValidationReport report) {
    AnnotationReader layer = field.layer();
    if (field.index() < 1) {
      report.error(Message.LAYER_INDEX_NOT_POSITIVE, field.field(), layer.mirror(),
          layer.explicit("layer"), field.index());
    }
    switch (field.kind()) {
      case CONV -> {
        positive(field, layer, "size", report);
        if (layer.intValue("stride") == Conv.BLOCK_STRIDE && !inBlock) {
          report.error(Message.BLOCK_STRIDE_OUTSIDE_BLOCK, field.field(), layer.mirror(), layer.explicit("stride"),
              field.name());
        } else if (layer.intValue("stride") < 0) {
          positive(field, layer, "stride", report);
        }
        if (field.learnable() != null) {
          positive(field, field.learnable(), "filters", report);
        } else {
          AnnotationReader fixed = field.fixed();
          if (fixed.isExplicit("source")) {
            if (fixed.isExplicit("gabor")) {
              report.error(Message.FIXED_GABOR_AND_SOURCE, field.field(), fixed.mirror(), fixed.explicit("source"));
            }
            if (fixed.isExplicit("trainableEpochs")) {
              report.error(Message.SOURCE_NOT_TRAINABLE, field.field(), fixed.mirror(), fixed.explicit("trainableEpochs"));
            }
            sources.validate(field, fixed.nested("source"), layer, report);
            return;
          }
          new GaborValidator(field, report).validate(fixed.nested("gabor"), layer);
          if (fixed.intValue("trainableEpochs") < 0) {
            report.error(Message.TRAINABLE_EPOCHS_NEGATIVE, field.field(), fixed.mirror(),
                fixed.explicit("trainableEpochs"), fixed.intValue("trainableEpochs"));
          }
        }
      }
      case MAX_POOL, AVG_POOL -> {
        positive(field, layer, "size", report);
        if (layer.intValue("stride") < 0) {
          report.error(Message.NOT_POSITIVE, field.field(), layer.mirror(), layer.explicit("stride"),
              field.kind().simpleName(), "stride", layer.intValue("stride"));
        }
      }
      case DENSE -> positive(field, layer, "units", report);
      case DROPOUT -> {
        double rate = layer.doubleValue("rate");
        if (!(rate >= 0 && rate < 1)) {
          report.error(Message.DROPOUT_RATE, field.field(), layer.mirror(), layer.explicit("rate"), rate);
        }
      }
      case BATCH_NORM -> {
        double momentum = layer.doubleValue("momentum");
        if (!(momentum >= 0 && momentum < 1)) {
          report.error(Message.BATCH_NORM_MOMENTUM, field.field(), layer.mirror(), layer.explicit("momentum"), momentum);
        }
        double epsilon = layer.doubleValue("epsilon");
        if (!(epsilon > 0)) {
          report.error(Message.BATCH_NORM_EPSILON, field.field(), layer.mirror(), layer.explicit("epsilon"), epsilon);
        }
      }
      case BLOCKS -> {
        positive(field, layer, "count", report);
        positive(field, layer, "stride", report);
        if (layer.intValue("width") < 0) {
          positive(field, layer, "width", report);
        }
      }
      case FLATTEN, GLOBAL_AVG_POOL, ADD -> {}
    }
  }

  private static void positive(LayerField field, AnnotationReader annotation, String name, ValidationReport report) {
    int value = annotation.intValue(name);
    if (value < 1) {
      String simpleName = annotation == field.layer()
          ? field.kind().simpleName()
          : annotation.mirror().getAnnotationType().asElement().getSimpleName().toString();
      report.error(Message.NOT_POSITIVE, field.field(), annotation.mirror(), annotation.explicit(name),
          simpleName, name, value);
    }
  }
}
