package io.gaborflow.processor.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads one annotation as javac sees it. Values are read through the mirror rather than through
 * reflection so the processor can tell a value the user wrote (which has a source position for
 * diagnostics) from a default.
 */
public final class AnnotationReader {
  private final AnnotationMirror mirror;

  public AnnotationReader(AnnotationMirror mirror) {
    this.mirror = mirror;
  }

  /** The annotation of type {@code type} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, Class<?> type) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement t = (TypeElement) m.getAnnotationType().asElement();
      if (t.getQualifiedName().contentEquals(type.getCanonicalName())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  public AnnotationMirror mirror() {
    return mirror;
  }

  /** The value written in source for {@code name}, or null when the default applies. */
  public AnnotationValue explicit(String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  public boolean isExplicit(String name) {
    return explicit(name) != null;
  }

  /** The value of {@code name}, written or default. */
  public AnnotationValue value(String name) {
    AnnotationValue written = explicit(name);
    if (written != null) {
      return written;
    }
    for (ExecutableElement method :
        ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name)) {
        return method.getDefaultValue();
      }
    }
    throw new IllegalArgumentException("no element " + name + " in " + mirror);
  }

  public int intValue(String name) {
    return ((Number) value(name).getValue()).intValue();
  }

  public double doubleValue(String name) {
    return ((Number) value(name).getValue()).doubleValue();
  }

  public String stringValue(String name) {
    return (String) value(name).getValue();
  }

  /** The constant name of an enum-valued element. */
  public String enumName(String name) {
    return ((VariableElement) value(name).getValue()).getSimpleName().toString();
  }

  public List<Double> doubles(String name) {
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) value(name).getValue();
    List<Double> result = new ArrayList<>(values.size());
    for (AnnotationValue v : values) {
      result.add(((Number) v.getValue()).doubleValue());
    }
    return result;
  }

  public AnnotationReader nested(String name) {
    return new AnnotationReader((AnnotationMirror) value(name).getValue());
  }
}
