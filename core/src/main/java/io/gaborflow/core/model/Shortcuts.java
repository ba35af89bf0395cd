package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.Projection;

/** The rule for bringing a shortcut to the shape of the main path it is added to. */
public final class Shortcuts {
  private Shortcuts() {}

  /** What an addition does with its shortcut. */
  public sealed interface Plan {}

  /** The shapes match: the shortcut is added as it is. */
  public record Identity() implements Plan {}

  /**
   * A 1x1 projection with {@code stride} to {@code channels} channels brings it to the main path's
   * shape.
   */
  public record Project(int stride, int channels) implements Plan {}

  /** No projection allowed or possible: the shapes cannot be added. */
  public record Mismatch() implements Plan {}

  /** How a shortcut of shape {@code shortcut} joins a main path of shape {@code main}. */
  public static Plan plan(FeatureShape main, FeatureShape shortcut, Projection projection) {
    if (main.equals(shortcut)) {
      return new Identity();
    }
    if (projection == Projection.NONE || main.flat() || shortcut.flat()) {
      return new Mismatch();
    }
    int stride = Math.max(1, -Math.floorDiv(-shortcut.height(), main.height()));
    boolean fits =
        Windows.outputSize(shortcut.height(), 1, stride, Padding.VALID) == main.height()
            && Windows.outputSize(shortcut.width(), 1, stride, Padding.VALID) == main.width();
    return fits ? new Project(stride, main.channels()) : new Mismatch();
  }
}
