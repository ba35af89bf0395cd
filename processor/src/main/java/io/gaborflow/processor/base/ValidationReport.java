package io.gaborflow.processor.base;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The problems found in one {@code @Network} class, each attached to the element, annotation and
 * annotation value it is about, so that javac points at the exact line. Validators add to it; the
 * processor prints it and generates code only when it is clean.
 */
public final class ValidationReport {
  private final List<Item> items = new ArrayList<>();

  /** One diagnostic and where it points. {@code annotation} and {@code value} may be null. */
  public record Item(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

  public void error(Message message, Element element, Object... args) {
    items.add(new Item(message.format(args), element, null, null));
  }

  public void error(Message message, Element element, AnnotationMirror annotation, Object... args) {
    items.add(new Item(message.format(args), element, annotation, null));
  }

  /** An error on one annotation value: javac points at {@code name = value} itself. */
  public void error(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(message.format(args), element, annotation, value));
  }

  public boolean isClean() {
    return items.isEmpty();
  }

  public List<Item> items() {
    return List.copyOf(items);
  }

  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value() != null) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, item.message(), item.element(), item.annotation(), item.value());
      } else if (item.annotation() != null) {
        messager.printMessage(
            Diagnostic.Kind.ERROR, item.message(), item.element(), item.annotation());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, item.message(), item.element());
      }
    }
  }
}
