package io.gaborflow.cli.bench;

import io.gaborflow.tensorflow.graph.ModelGraph;

/**
 * One column of a bench: a network trained with every seed. Either a share of fixed Gabor filters
 * in one family's network ({@link ShareVariant}, the paper's sweep) or a network declared on its
 * own ({@link DeclaredModel}, for comparing designs).
 */
public sealed interface BenchVariant permits ShareVariant, DeclaredModel {
  /** How tables and charts name the variant. */
  String label();

  /** The network trained: {@code base} re-split for a share, the declared network itself else. */
  ModelGraph graph(ModelGraph base);

  /**
   * Whether this is the all-learnable network the others are compared with; without one, the first
   * variant is.
   */
  boolean baseline();
}
