package io.gaborflow.processor.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Where one annotation stands in the source: which values the user wrote (they have a position that
 * diagnostics point at) and which are defaults. What the values say is read from the typed
 * annotation ({@link LayerField#conv()} and so on); only a {@code Class} value, which a typed
 * annotation cannot hand out during compilation, is read here ({@link #value}).
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

  public AnnotationReader nested(String name) {
    return new AnnotationReader((AnnotationMirror) value(name).getValue());
  }

  /**
   * The {@code index}-th annotation of the array element {@code name} ({@code basis = @Gabor(...)}
   * is an array of one).
   */
  public AnnotationReader nestedInArray(String name, int index) {
    List<?> values = (List<?>) value(name).getValue();
    return new AnnotationReader(
        (AnnotationMirror) ((AnnotationValue) values.get(index)).getValue());
  }
}
