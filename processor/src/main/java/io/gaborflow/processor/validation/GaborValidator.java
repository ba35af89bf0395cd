package io.gaborflow.processor.validation;

import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import javax.lang.model.element.AnnotationValue;

/** Checks one {@code @Gabor} annotation against the kernel size of its {@code @Conv}. */
final class GaborValidator {
  private final LayerField field;
  private final ValidationReport report;

  GaborValidator(LayerField field, ValidationReport report) {
    this.field = field;
    this.report = report;
  }

  /** Checks {@code gabor}, which stands in the source at {@code where}. */
  void validate(Gabor gabor, AnnotationReader where) {
    int size = field.conv().size();
    if (size > 0 && size % 2 == 0) {
      report.error(
          Message.GABOR_EVEN_SIZE,
          field.field(),
          field.layerMirror(),
          field.layer().explicit("size"),
          size,
          size - 1,
          size + 1);
    }
    if (where.isExplicit("angles")) {
      if (where.isExplicit("orientations")) {
        error(Message.GABOR_ANGLES_AND_ORIENTATIONS, where, "orientations");
      }
      if (gabor.angles().length == 0) {
        error(Message.GABOR_EMPTY_LIST, where, "angles", "angles");
      }
    } else if (gabor.orientations() < 1) {
      error(Message.GABOR_NO_ORIENTATIONS, where, "orientations", gabor.orientations());
    }
    if (gabor.wavelengths().length == 0) {
      error(Message.GABOR_EMPTY_LIST, where, "wavelengths", "wavelengths");
    }
    if (gabor.phases().length == 0) {
      error(Message.GABOR_EMPTY_LIST, where, "phases", "phases");
    }
    for (double lambda : gabor.wavelengths()) {
      if (!(lambda > 0)) {
        error(Message.GABOR_NOT_POSITIVE, where, "wavelengths", "wavelengths", lambda);
      }
    }
    positive(where, "aspect", gabor.aspect());
    if (where.isExplicit("sigma")) {
      positive(where, "sigma", gabor.sigma());
      if (where.isExplicit("bandwidth")) {
        error(Message.GABOR_SIGMA_AND_BANDWIDTH, where, "bandwidth");
      }
    } else {
      positive(where, "bandwidth", gabor.bandwidth());
    }
  }

  private void positive(AnnotationReader where, String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      error(Message.GABOR_NOT_POSITIVE, where, name, name, value);
    }
  }

  /**
   * An error on the value {@code name} where it stands, or on the annotation when it is a default.
   */
  private void error(Message message, AnnotationReader where, String name, Object... args) {
    AnnotationValue value = where.explicit(name);
    report.error(message, field.field(), where.mirror(), value, args);
  }
}
