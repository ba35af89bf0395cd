package io.gaborflow.core.model;

/**
 * A declaration that cannot be placed as a graph: a shortcut of a shape no projection fixes, or a
 * block used at a width its banks cannot scale to. The processor reports it on {@link #origin()}.
 */
public final class NetworkSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for the processor to word. */
  public enum Kind {
    SHORTCUT_SHAPE,
    BLOCK_WIDTH
  }

  private final transient String origin;
  private final Kind kind;

  public NetworkSpecException(Kind kind, String origin, String message) {
    super(message);
    this.kind = kind;
    this.origin = origin;
  }

  /** The field of the network class that declared the step. */
  public String origin() {
    return origin;
  }

  public Kind kind() {
    return kind;
  }
}
