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
   * stop-gradient) beside the learned kernels: the cost of the all-learnable layer, which is never
   * more than it, and no optimizer state for the fixed part. Layers without a learned bank, or with
   * a parametric or partly trained Gabor bank, keep {@link #PER_BANK}.
   */
  WHOLE_LAYER,

  /**
   * Each layer that can take either form in the one that trains faster on this machine: at graph
   * build both are timed for a few steps, and the choice is kept per machine, layer shape, batch
   * size, threads and precision (see {@code train.LayerFormTuning}). {@link #PER_BANK} in
   * deterministic mode, whose graph must not depend on timings.
   */
  AUTO
}
