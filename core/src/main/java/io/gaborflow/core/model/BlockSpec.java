package io.gaborflow.core.model;

import java.util.List;

/**
 * A reusable block of layers as its {@code @Block} class declares them: the same steps as a
 * network's, with filter counts for a use at {@code width}.
 *
 * @param qualifiedName the declaring class
 */
public record BlockSpec(String qualifiedName, int width, List<Step> steps) {
  /** Copies the steps. */
  public BlockSpec {
    steps = List.copyOf(steps);
  }

  /** A builder for the block declared by {@code qualifiedName} at {@code width}. */
  public static Builder builder(String qualifiedName, int width) {
    return new Builder(qualifiedName, width);
  }

  /**
   * A bank's filter count in a use at {@code useWidth}: scaled by {@code useWidth / width}.
   *
   * @throws IllegalArgumentException when that is not a whole number
   */
  public int scaledFilters(int filters, int useWidth) {
    long scaled = (long) filters * useWidth;
    if (scaled % width != 0) {
      throw new IllegalArgumentException(
          filters + " filters at width " + width + " are not a whole number at width " + useWidth);
    }
    return Math.toIntExact(scaled / width);
  }

  /** Builds the steps of a block; the generated code and the processor call it alike. */
  public static final class Builder extends Steps.Builder<Builder> {
    private final String qualifiedName;
    private final int width;

    private Builder(String qualifiedName, int width) {
      this.qualifiedName = qualifiedName;
      this.width = width;
    }

    /** The block. */
    public BlockSpec build() {
      return new BlockSpec(qualifiedName, width, steps());
    }
  }
}
