package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Projection;

/**
 * One declared layer of a network or block, in index order, before it is placed in the graph:
 * the declaration as the annotations say it, which {@link NetworkSpec.Builder} turns into nodes.
 */
public sealed interface Step {
  /** The declaring field (the first bank's, for a convolution). */
  String origin();

  /** A layer on the output of the step before. */
  record Layer(String origin, LayerSpec layer) implements Step {}

  /** A shortcut from {@code from} (a field; empty: the block's or network's input) added to the step before. */
  record Add(String origin, String from, Activation activation, Projection projection) implements Step {}

  /** A block repeated {@code count} times at {@code width}, the first repeat with {@code stride}. */
  record Blocks(String origin, BlockSpec block, int count, int width, int stride) implements Step {}
}
