package io.gaborflow.processor.reading;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * A field of a {@code @Network} class that declares a layer or a bank.
 *
 * @param layer its layer annotation
 * @param fixed its {@code @Fixed} annotation, or null
 * @param learnable its {@code @Learnable} annotation, or null
 * @param block the block class a {@code @Blocks} field uses, as read, or null
 */
public record LayerField(
    VariableElement field,
    LayerKind kind,
    AnnotationReader layer,
    AnnotationReader fixed,
    AnnotationReader learnable,
    NetworkDeclaration block) {

  public String name() {
    return field.getSimpleName().toString();
  }

  public int index() {
    return layer.intValue("layer");
  }

  public AnnotationMirror layerMirror() {
    return layer.mirror();
  }
}
