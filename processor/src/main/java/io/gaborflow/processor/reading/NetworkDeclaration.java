package io.gaborflow.processor.reading;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** A {@code @Network} class as read from source: the class, its annotation and its layer fields in declaration order. */
public record NetworkDeclaration(TypeElement type, AnnotationReader network, List<LayerField> fields) {
  public NetworkDeclaration {
    fields = List.copyOf(fields);
  }
}
