package io.gaborflow.processor.reading;

import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the layer fields of a {@code @Network} class, reporting problems that concern one field
 * alone: two layer annotations, a wrong field type, a bank annotation without {@code @Conv}, and
 * so on. Fields with such problems are left out of the declaration.
 */
public final class NetworkReader {
  private final Types types;
  private final Elements elements;

  public NetworkReader(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  public NetworkDeclaration read(TypeElement type, ValidationReport report) {
    AnnotationMirror network = AnnotationReader.find(type, Network.class).orElseThrow();
    List<LayerField> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      readField(field, report).ifPresent(fields::add);
    }
    return new NetworkDeclaration(type, new AnnotationReader(network), fields);
  }

  private Optional<LayerField> readField(VariableElement field, ValidationReport report) {
    String name = field.getSimpleName().toString();
    List<LayerKind> kinds = new ArrayList<>();
    List<AnnotationMirror> layerMirrors = new ArrayList<>();
    for (LayerKind kind : LayerKind.values()) {
      AnnotationReader.find(field, kind.annotation()).ifPresent(m -> {
        kinds.add(kind);
        layerMirrors.add(m);
      });
    }
    AnnotationMirror fixed = AnnotationReader.find(field, Fixed.class).orElse(null);
    AnnotationMirror learnable = AnnotationReader.find(field, Learnable.class).orElse(null);
    if (kinds.isEmpty()) {
      reportBankWithoutConv(field, fixed, learnable, report);
      return Optional.empty();
    }
    if (kinds.size() > 1) {
      report.error(Message.TWO_LAYER_ANNOTATIONS, field, layerMirrors.get(1), name,
          kinds.get(0).simpleName(), kinds.get(1).simpleName());
      return Optional.empty();
    }
    LayerKind kind = kinds.get(0);
    AnnotationMirror layer = layerMirrors.get(0);
    boolean ok = true;
    if (field.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.LAYER_FIELD_STATIC, field, name);
      ok = false;
    }
    TypeMirror required = elements.getTypeElement(kind.fieldType().getCanonicalName()).asType();
    if (!types.isSameType(field.asType(), required)) {
      report.error(Message.WRONG_FIELD_TYPE, field, name, kind.description(),
          kind.fieldType().getSimpleName(), field.asType());
      ok = false;
    }
    if (kind == LayerKind.CONV) {
      if (fixed != null && learnable != null) {
        report.error(Message.FIXED_AND_LEARNABLE, field, learnable, name);
        ok = false;
      } else if (fixed == null && learnable == null) {
        report.error(Message.CONV_WITHOUT_BANK_KIND, field, layer, name);
        ok = false;
      }
    } else if (fixed != null || learnable != null) {
      String bank = fixed != null ? "Fixed" : "Learnable";
      report.error(Message.BANK_ON_OTHER_LAYER, field, fixed != null ? fixed : learnable, bank, name,
          kind.description(), bank);
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new LayerField(field, kind, new AnnotationReader(layer),
        fixed == null ? null : new AnnotationReader(fixed),
        learnable == null ? null : new AnnotationReader(learnable)));
  }

  private static void reportBankWithoutConv(
      VariableElement field, AnnotationMirror fixed, AnnotationMirror learnable, ValidationReport report) {
    String name = field.getSimpleName().toString();
    if (fixed != null) {
      report.error(Message.BANK_WITHOUT_CONV, field, fixed, "Fixed", name);
    }
    if (learnable != null) {
      report.error(Message.BANK_WITHOUT_CONV, field, learnable, "Learnable", name);
    }
  }
}
