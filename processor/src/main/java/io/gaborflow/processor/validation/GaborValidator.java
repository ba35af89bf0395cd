package io.gaborflow.processor.validation;

import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import java.util.List;
import javax.lang.model.element.AnnotationValue;

/** Checks one {@code @Gabor} annotation against the kernel size of its {@code @Conv}. */
final class GaborValidator {
  private final LayerField field;
  private final ValidationReport report;

  GaborValidator(LayerField field, ValidationReport report) {
    this.field = field;
    this.report = report;
  }

  void validate(AnnotationReader gabor, AnnotationReader conv) {
    int size = conv.intValue("size");
    if (size > 0 && size % 2 == 0) {
      report.error(Message.GABOR_EVEN_SIZE, field.field(), conv.mirror(), conv.explicit("size"),
          size, size - 1, size + 1);
    }
    if (gabor.isExplicit("angles")) {
      if (gabor.isExplicit("orientations")) {
        error(Message.GABOR_ANGLES_AND_ORIENTATIONS, gabor, "orientations");
      }
      if (gabor.doubles("angles").isEmpty()) {
        error(Message.GABOR_EMPTY_LIST, gabor, "angles", "angles");
      }
    } else if (gabor.intValue("orientations") < 1) {
      error(Message.GABOR_NO_ORIENTATIONS, gabor, "orientations", gabor.intValue("orientations"));
    }
    for (String list : List.of("wavelengths", "phases")) {
      if (gabor.doubles(list).isEmpty()) {
        error(Message.GABOR_EMPTY_LIST, gabor, list, list);
      }
    }
    for (double lambda : gabor.doubles("wavelengths")) {
      if (!(lambda > 0)) {
        error(Message.GABOR_NOT_POSITIVE, gabor, "wavelengths", "wavelengths", lambda);
      }
    }
    positive(gabor, "aspect");
    if (gabor.isExplicit("sigma")) {
      positive(gabor, "sigma");
      if (gabor.isExplicit("bandwidth")) {
        error(Message.GABOR_SIGMA_AND_BANDWIDTH, gabor, "bandwidth");
      }
    } else {
      positive(gabor, "bandwidth");
    }
  }

  private void positive(AnnotationReader gabor, String name) {
    double value = gabor.doubleValue(name);
    if (!(value > 0) || Double.isInfinite(value)) {
      error(Message.GABOR_NOT_POSITIVE, gabor, name, name, value);
    }
  }

  /** An error on {@code gabor}'s value {@code name}, or on the annotation when it is a default. */
  private void error(Message message, AnnotationReader gabor, String name, Object... args) {
    AnnotationValue value = gabor.explicit(name);
    report.error(message, field.field(), gabor.mirror(), value, args);
  }
}
