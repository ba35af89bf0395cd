package io.gaborflow.processor.validation;

import io.gaborflow.core.FilterSupplier;
import io.gaborflow.core.annotation.FilterSource;
import io.gaborflow.core.npy.NpyFormatException;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.NpyResources;
import java.util.Arrays;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @FilterSource}: one kind of source, what that kind needs, and for an {@code .npy}
 * resource its shape against the {@code @Conv} size (input channels are checked with the shapes,
 * once the layer's input is known).
 */
final class FilterSourceValidator {
  private final NpyResources resources;
  private final Types types;
  private final Elements elements;

  FilterSourceValidator(NpyResources resources, Types types, Elements elements) {
    this.resources = resources;
    this.types = types;
    this.elements = elements;
  }

  /**
   * Checks {@code values}, which stand in the source at {@code source}; the supplier, a class, is
   * read from there, as a typed annotation cannot hand it out.
   */
  void validate(
      LayerField field, FilterSource values, AnnotationReader source, ValidationReport report) {
    TypeMirror supplier = (TypeMirror) source.value("supplier").getValue();
    boolean hasSupplier = !isDefaultSupplier(supplier);
    boolean hasNpy = !values.npy().isEmpty();
    boolean hasModel = !values.model().isEmpty();
    int kinds = (hasSupplier ? 1 : 0) + (hasNpy ? 1 : 0) + (hasModel ? 1 : 0);
    if (kinds != 1) {
      report.error(Message.SOURCE_NOT_ONE, field.field(), source.mirror(), kinds);
      return;
    }
    if (hasModel && values.bank().isEmpty()) {
      report.error(
          Message.SOURCE_NEEDS_BANK,
          field.field(),
          source.mirror(),
          source.explicit("model"),
          values.model());
    }
    if ((hasSupplier || hasModel) && values.filters() < 1) {
      report.error(
          Message.SOURCE_NEEDS_FILTERS,
          field.field(),
          source.mirror(),
          hasSupplier ? "a supplier" : "a model");
    }
    if (hasSupplier) {
      TypeElement type = (TypeElement) ((DeclaredType) supplier).asElement();
      if (type.getModifiers().contains(Modifier.ABSTRACT) || !hasPublicNoArgConstructor(type)) {
        report.error(
            Message.SOURCE_SUPPLIER_CONSTRUCTOR,
            field.field(),
            source.mirror(),
            source.explicit("supplier"),
            type.getQualifiedName());
      }
    }
    if (hasNpy) {
      checkNpy(field, values.npy(), source, field.conv().size(), report);
    }
  }

  private void checkNpy(
      LayerField field,
      String resource,
      AnnotationReader source,
      int size,
      ValidationReport report) {
    Optional<int[]> shape;
    try {
      shape = resources.shapeOf(resource);
    } catch (NpyFormatException e) {
      report.error(
          Message.SOURCE_NPY_UNREADABLE,
          field.field(),
          source.mirror(),
          source.explicit("npy"),
          e.getMessage());
      return;
    }
    if (shape.isEmpty()) {
      report.error(
          Message.SOURCE_NPY_MISSING,
          field.field(),
          source.mirror(),
          source.explicit("npy"),
          resource);
      return;
    }
    int[] s = shape.get();
    if (s.length != 4 || s[0] != size || s[1] != size || s[3] < 1) {
      report.error(
          Message.SOURCE_NPY_SHAPE,
          field.field(),
          source.mirror(),
          source.explicit("npy"),
          resource,
          Arrays.toString(s),
          size,
          size,
          size,
          size);
    }
  }

  private boolean isDefaultSupplier(TypeMirror supplier) {
    return types.isSameType(
        supplier, elements.getTypeElement(FilterSupplier.class.getCanonicalName()).asType());
  }

  private static boolean hasPublicNoArgConstructor(TypeElement type) {
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }
}
