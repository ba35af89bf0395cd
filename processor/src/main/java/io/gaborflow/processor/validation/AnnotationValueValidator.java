package io.gaborflow.processor.validation;

import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Noise;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.NetworkDeclaration;
import io.gaborflow.processor.reading.NetworkSpecFactory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
    AnnotationReader where = declaration.network();
    Element type = declaration.type();
    if (declaration.block()) {
      int width = declaration.blockValues().width();
      if (width < 1) {
        report.error(
            Message.NOT_POSITIVE,
            type,
            where.mirror(),
            where.explicit("width"),
            "Block",
            "width",
            width);
      }
      if (declaration.fields().isEmpty()) {
        report.error(Message.NO_LAYERS, type, type.getSimpleName());
      }
      return;
    }
    Network network = declaration.networkValues();
    int[] dimensions = {network.height(), network.width(), network.channels()};
    String[] names = {"height", "width", "channels"};
    for (int i = 0; i < dimensions.length; i++) {
      if (dimensions[i] < 1) {
        report.error(
            Message.INPUT_NOT_POSITIVE,
            type,
            where.mirror(),
            where.explicit(names[i]),
            names[i],
            dimensions[i]);
      }
    }
    if (network.classes() < 2) {
      report.error(
          Message.TOO_FEW_CLASSES,
          type,
          where.mirror(),
          where.explicit("classes"),
          network.classes());
    }
    String name = network.name();
    if (!name.isEmpty() && !MODEL_NAME.matcher(name).matches()) {
      report.error(Message.INVALID_MODEL_NAME, type, where.mirror(), where.explicit("name"), name);
    }
    if (declaration.fields().isEmpty()) {
      report.error(Message.NO_LAYERS, type, type.getSimpleName());
    }
  }

  private void validateField(LayerField field, boolean inBlock, ValidationReport report) {
    AnnotationReader layer = field.layer();
    if (field.index() < 1) {
      report.error(
          Message.LAYER_INDEX_NOT_POSITIVE,
          field.field(),
          layer.mirror(),
          layer.explicit("layer"),
          field.index());
    }
    switch (field.kind()) {
      case CONV -> {
        Conv conv = field.conv();
        positive(field, layer, "size", conv.size(), report);
        if (conv.stride() == Conv.BLOCK_STRIDE && !inBlock) {
          report.error(
              Message.BLOCK_STRIDE_OUTSIDE_BLOCK,
              field.field(),
              layer.mirror(),
              layer.explicit("stride"),
              field.name());
        } else if (conv.stride() < 0) {
          positive(field, layer, "stride", conv.stride(), report);
        }
        if (field.learnable() != null) {
          positive(field, field.learnable(), "filters", field.learnableValues().filters(), report);
          validateBasis(field, report);
        } else {
          AnnotationReader fixed = field.fixed();
          Fixed values = field.fixedValues();
          if (fixed.isExplicit("source")) {
            if (fixed.isExplicit("gabor")) {
              report.error(
                  Message.FIXED_GABOR_AND_SOURCE,
                  field.field(),
                  fixed.mirror(),
                  fixed.explicit("source"));
            }
            if (fixed.isExplicit("trainableEpochs")) {
              report.error(
                  Message.SOURCE_NOT_TRAINABLE,
                  field.field(),
                  fixed.mirror(),
                  fixed.explicit("trainableEpochs"));
            }
            if (fixed.isExplicit("learn")) {
              report.error(
                  Message.SOURCE_NOT_PARAMETRIC,
                  field.field(),
                  fixed.mirror(),
                  fixed.explicit("learn"));
            }
            for (String stage : List.of("complexCells", "noise")) {
              if (fixed.isExplicit(stage)) {
                report.error(
                    Message.SOURCE_NO_V1_STAGES,
                    field.field(),
                    fixed.mirror(),
                    fixed.explicit(stage),
                    stage);
              }
            }
            sources.validate(field, values.source(), fixed.nested("source"), report);
            return;
          }
          new GaborValidator(field, report).validate(values.gabor(), fixed.nested("gabor"));
          if (values.trainableEpochs() < 0) {
            report.error(
                Message.TRAINABLE_EPOCHS_NEGATIVE,
                field.field(),
                fixed.mirror(),
                fixed.explicit("trainableEpochs"),
                values.trainableEpochs());
          }
          validateLearn(field, fixed, values, report);
          validateStages(field, fixed, values, report);
        }
      }
      case MAX_POOL, AVG_POOL -> {
        LayerField.Pool pool = field.pool();
        positive(field, layer, "size", pool.size(), report);
        if (pool.stride() < 0) {
          report.error(
              Message.NOT_POSITIVE,
              field.field(),
              layer.mirror(),
              layer.explicit("stride"),
              field.kind().simpleName(),
              "stride",
              pool.stride());
        }
      }
      case DENSE -> positive(field, layer, "units", field.dense().units(), report);
      case DROPOUT -> {
        double rate = field.dropout().rate();
        if (!(rate >= 0 && rate < 1)) {
          report.error(
              Message.DROPOUT_RATE, field.field(), layer.mirror(), layer.explicit("rate"), rate);
        }
      }
      case BATCH_NORM -> {
        double momentum = field.batchNorm().momentum();
        if (!(momentum >= 0 && momentum < 1)) {
          report.error(
              Message.BATCH_NORM_MOMENTUM,
              field.field(),
              layer.mirror(),
              layer.explicit("momentum"),
              momentum);
        }
        double epsilon = field.batchNorm().epsilon();
        if (!(epsilon > 0)) {
          report.error(
              Message.BATCH_NORM_EPSILON,
              field.field(),
              layer.mirror(),
              layer.explicit("epsilon"),
              epsilon);
        }
      }
      case BLOCKS -> {
        Blocks use = field.blocks();
        positive(field, layer, "count", use.count(), report);
        positive(field, layer, "stride", use.stride(), report);
        if (use.width() < 0) {
          positive(field, layer, "width", use.width(), report);
        }
      }
      case FLATTEN, GLOBAL_AVG_POOL, ADD -> {}
    }
  }

  /** {@code value}, the element {@code name} of {@code annotation}, must be 1 or more. */
  private static void positive(
      LayerField field,
      AnnotationReader annotation,
      String name,
      int value,
      ValidationReport report) {
    if (value < 1) {
      String simpleName =
          annotation == field.layer()
              ? field.kind().simpleName()
              : annotation.mirror().getAnnotationType().asElement().getSimpleName().toString();
      report.error(
          Message.NOT_POSITIVE,
          field.field(),
          annotation.mirror(),
          annotation.explicit(name),
          simpleName,
          name,
          value);
    }
  }

  /** A Gabor basis is one {@code @Gabor}, valid as a fixed bank's, without a coverage. */
  private static void validateBasis(LayerField field, ValidationReport report) {
    AnnotationReader learnable = field.learnable();
    Gabor[] basis = field.learnableValues().basis();
    if (basis.length == 0) {
      return;
    }
    if (basis.length > 1) {
      report.error(
          Message.BASIS_NOT_ONE,
          field.field(),
          learnable.mirror(),
          learnable.explicit("basis"),
          basis.length);
      return;
    }
    AnnotationReader gabor = learnable.nestedInArray("basis", 0);
    new GaborValidator(field, report).validate(basis[0], gabor);
    if (gabor.isExplicit("coverage")) {
      report.error(
          Message.BASIS_COVERAGE,
          field.field(),
          gabor.mirror(),
          gabor.explicit("coverage"),
          basis[0].coverage());
    }
  }

  /** A parametric bank names each parameter it learns once, and at least one. */
  private static void validateLearn(
      LayerField field, AnnotationReader fixed, Fixed values, ValidationReport report) {
    if (!fixed.isExplicit("learn")) {
      return;
    }
    if (values.learn().length == 0) {
      report.error(Message.LEARN_EMPTY, field.field(), fixed.mirror(), fixed.explicit("learn"));
      return;
    }
    Set<GaborParameter> seen = EnumSet.noneOf(GaborParameter.class);
    for (GaborParameter parameter : values.learn()) {
      if (!seen.add(parameter)) {
        report.error(
            Message.LEARN_TWICE, field.field(), fixed.mirror(), fixed.explicit("learn"), parameter);
        return;
      }
    }
  }

  /** Complex cells need quadrature pairs that stay pairs; noise needs a positive scale. */
  private static void validateStages(
      LayerField field, AnnotationReader fixed, Fixed values, ValidationReport report) {
    if (values.complexCells()) {
      GaborBankSpec gabor;
      try {
        gabor = NetworkSpecFactory.gabor(values.gabor(), fixed.nested("gabor"));
      } catch (IllegalArgumentException e) {
        return; // GaborValidator has named what is wrong with the @Gabor
      }
      if (gabor.quadraturePairs().isEmpty()) {
        report.error(
            Message.COMPLEX_CELLS_WITHOUT_PAIRS,
            field.field(),
            fixed.mirror(),
            fixed.explicit("complexCells"),
            gabor.phasesDegrees());
      }
      if (Arrays.asList(values.learn()).contains(GaborParameter.PSI)) {
        report.error(
            Message.COMPLEX_CELLS_LEARNED_PHASE,
            field.field(),
            fixed.mirror(),
            fixed.explicit("complexCells"));
      }
    }
    if (!fixed.isExplicit("noise")) {
      return; // and javac could not read the default (NetworkSpecFactory.noise)
    }
    Noise noise = values.noise();
    if (noise.kind() != NoiseKind.NONE && !BankNoise.validScale(noise.scale())) {
      AnnotationReader declared = fixed.nested("noise");
      report.error(
          Message.NOISE_SCALE,
          field.field(),
          declared.mirror(),
          declared.explicit("scale"),
          noise.scale());
    }
  }
}
