package io.gaborflow.tensorflow.graph;

/**
 * How a convolution layer with fixed and learned banks becomes ops. Both give the same values; they
 * differ in what the backward pass computes.
 */
public enum LayerForm {
  /**
   * Each bank its own convolution, a fixed bank in its cheapest fixed form: no filter gradient for
   * fixed banks, and no input gradient for branches that nothing trained lies below. Cheapest where
   * the learned share is wide enough for the CPU's vector blocks.
   */
  PER_BANK,

  /**
   * One convolution over the whole layer, its kernel the fixed banks' constants (behind a
   * stop-gradient) beside the learned kernels: the all-learnable layer's ops and cost (its filter
   * gradient covers the fixed part too, then drops it), and no optimizer state for the fixed part.
   * Layers without a learned bank, or with a parametric or partly trained Gabor bank, keep {@link
   * #PER_BANK}.
   */
  WHOLE_LAYER,

  /**
   * {@link #WHOLE_LAYER}'s one convolution forward and for the input gradient, but the filter
   * gradient of each learned bank's own output channels only ({@link KernelGradientSite}): less
   * filter-gradient work, for a copy of those channels of the output gradient. Whether that pays
   * depends on the CPU, the channel counts and the precision.
   */
  SPLIT_GRADIENT,

  /**
   * Each layer that can take another form in the one of {@link #MEASURED} that trains fastest on
   * this machine: at graph build each is timed for a few steps, and the choice is kept per machine,
   * layer shape, batch size, threads and precision (see {@code train.LayerFormTuning}). {@link
   * #PER_BANK} in deterministic mode, whose graph must not depend on timings.
   */
  AUTO;

  /** The forms {@link #AUTO} chooses among, the one it keeps on a tie first. */
  public static final java.util.List<LayerForm> MEASURED =
      java.util.List.of(PER_BANK, WHOLE_LAYER, SPLIT_GRADIENT);

  /** Whether the form builds a layer as one convolution. */
  public boolean wholeLayer() {
    return this == WHOLE_LAYER || this == SPLIT_GRADIENT;
  }
}
