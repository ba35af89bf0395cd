package io.gaborflow.core.model;

/**
 * A declaration that cannot be placed as a graph: a shortcut of a shape no projection fixes, or a
 * block used at a width its banks cannot scale to. The processor reports it on {@link #origin()}.
 */
public final class NetworkSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for the processor to word. */
  public enum Kind {
    /** A shortcut no projection brings to the main path's shape. */
    SHORTCUT_SHAPE,
    /** A block used at a width its banks do not scale to. */
    BLOCK_WIDTH
  }

  private final transient String origin;

  /** What went wrong. */
  private final Kind kind;

  /** A problem of {@code kind} with the step declared by field {@code origin}. */
  public NetworkSpecException(Kind kind, String origin, String message) {
    super(message);
    this.kind = kind;
    this.origin = origin;
  }

  /** The field of the network class that declared the step. */
  public String origin() {
    return origin;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
