package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Projection;

/**
 * One declared layer of a network or block, in index order, before it is placed in the graph: the
 * declaration as the annotations say it, which {@link NetworkSpec.Builder} turns into nodes.
 */
public sealed interface Step {
  /** The declaring field (the first bank's, for a convolution). */
  String origin();

  /** What {@code visitor} gives for this step, by its kind. */
  <R> R accept(Visitor<R> visitor);

  /** An operation over every kind of step; a new kind adds a method here. */
  interface Visitor<R> {
    /** A layer. */
    R layer(Layer layer);

    /** A shortcut added. */
    R add(Add add);

    /** A block used one or more times. */
    R blocks(Blocks blocks);
  }

  /** A layer on the output of the step before. */
  record Layer(String origin, LayerSpec layer) implements Step {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.layer(this);
    }
  }

  /**
   * A shortcut from {@code from} (a field; empty: the block's or network's input) added to the step
   * before.
   */
  record Add(String origin, String from, Activation activation, Projection projection)
      implements Step {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.add(this);
    }
  }

  /**
   * A block repeated {@code count} times at {@code width}, the first repeat with {@code stride}.
   */
  record Blocks(String origin, BlockSpec block, int count, int width, int stride) implements Step {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.blocks(this);
    }
  }
}
