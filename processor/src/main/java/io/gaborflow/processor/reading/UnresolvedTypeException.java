package io.gaborflow.processor.reading;

/**
 * A field's type is not known yet: another processor may generate it in a later round. The step
 * defers the whole class to that round, and reports it only if the type never appears.
 */
public final class UnresolvedTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnresolvedTypeException(String field, String type) {
    super("field " + field + " has type " + type + ", which does not exist yet");
  }
}
