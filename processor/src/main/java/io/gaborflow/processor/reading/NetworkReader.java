package io.gaborflow.processor.reading;

import io.gaborflow.core.annotation.Block;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the layer fields of a {@code @Network} class, reporting problems that concern one field
 * alone: two layer annotations, a wrong field type, a bank annotation without {@code @Conv}, and so
 * on. Fields with such problems are left out of the declaration.
 */
public final class NetworkReader {
  private final Types types;
  private final Elements elements;

  public NetworkReader(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /**
   * The {@code @Network} class {@code type}, with the {@code @Block} classes it uses.
   *
   * @throws UnresolvedTypeException when a field's type does not exist yet
   */
  public NetworkDeclaration read(TypeElement type, ValidationReport report) {
    return read(type, Network.class, report);
  }

  /** The {@code @Block} class {@code type}. */
  public NetworkDeclaration readBlock(TypeElement type, ValidationReport report) {
    return read(type, Block.class, report);
  }

  private NetworkDeclaration read(TypeElement type, Class<?> annotation, ValidationReport report) {
    AnnotationMirror network = AnnotationReader.find(type, annotation).orElseThrow();
    boolean block = annotation == Block.class;
    List<LayerField> fields = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      readField(field, block, report).ifPresent(fields::add);
    }
    return new NetworkDeclaration(type, new AnnotationReader(network), fields, block);
  }

  private Optional<LayerField> readField(
      VariableElement field, boolean inBlock, ValidationReport report) {
    String name = field.getSimpleName().toString();
    List<LayerKind> kinds = new ArrayList<>();
    List<AnnotationMirror> layerMirrors = new ArrayList<>();
    for (LayerKind kind : LayerKind.values()) {
      AnnotationReader.find(field, kind.annotation())
          .ifPresent(
              m -> {
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
      report.error(
          Message.TWO_LAYER_ANNOTATIONS,
          field,
          layerMirrors.get(1),
          name,
          kinds.get(0).simpleName(),
          kinds.get(1).simpleName());
      return Optional.empty();
    }
    LayerKind kind = kinds.get(0);
    AnnotationMirror layer = layerMirrors.get(0);
    boolean ok = true;
    if (field.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.LAYER_FIELD_STATIC, field, name);
      ok = false;
    }
    NetworkDeclaration block = null;
    if (kind == LayerKind.BLOCKS) {
      block = readBlockUse(field, layer, inBlock, report);
      ok &= block != null;
    } else {
      TypeMirror required = elements.getTypeElement(kind.fieldType().getCanonicalName()).asType();
      if (!types.isSameType(field.asType(), required)) {
        report.error(
            Message.WRONG_FIELD_TYPE,
            field,
            name,
            kind.description(),
            kind.fieldType().getSimpleName(),
            field.asType());
        ok = false;
      }
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
      report.error(
          Message.BANK_ON_OTHER_LAYER,
          field,
          fixed != null ? fixed : learnable,
          bank,
          name,
          kind.description(),
          bank);
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Class<? extends Annotation> type = (Class<? extends Annotation>) kind.annotation();
    return Optional.of(
        new LayerField(
            field,
            kind,
            new AnnotationReader(layer),
            field.getAnnotation(type),
            fixed == null ? null : new AnnotationReader(fixed),
            field.getAnnotation(Fixed.class),
            learnable == null ? null : new AnnotationReader(learnable),
            field.getAnnotation(Learnable.class),
            block));
  }

  /**
   * The block class a {@code @Blocks} field uses, read; null (with the problem reported) when it is
   * none.
   */
  private NetworkDeclaration readBlockUse(
      VariableElement field, AnnotationMirror layer, boolean inBlock, ValidationReport report) {
    String name = field.getSimpleName().toString();
    TypeMirror type = field.asType();
    if (type.getKind() == TypeKind.ERROR) {
      throw new UnresolvedTypeException(name, type.toString());
    }
    if (inBlock) {
      report.error(Message.BLOCKS_IN_BLOCK, field, layer, name);
      return null;
    }
    if (type.getKind() != TypeKind.DECLARED
        || AnnotationReader.find(((DeclaredType) type).asElement(), Block.class).isEmpty()) {
      report.error(Message.BLOCK_NOT_ANNOTATED, field, layer, name, type, type);
      return null;
    }
    TypeElement blockType = (TypeElement) ((DeclaredType) type).asElement();
    ValidationReport blockReport = new ValidationReport();
    NetworkDeclaration block = readBlock(blockType, blockReport);
    if (!blockReport.isClean()) {
      report.error(Message.BLOCK_HAS_ERRORS, field, layer, name, blockType.getSimpleName());
      return null;
    }
    return block;
  }

  private static void reportBankWithoutConv(
      VariableElement field,
      AnnotationMirror fixed,
      AnnotationMirror learnable,
      ValidationReport report) {
    String name = field.getSimpleName().toString();
    if (fixed != null) {
      report.error(Message.BANK_WITHOUT_CONV, field, fixed, "Fixed", name);
    }
    if (learnable != null) {
      report.error(Message.BANK_WITHOUT_CONV, field, learnable, "Learnable", name);
    }
  }
}
