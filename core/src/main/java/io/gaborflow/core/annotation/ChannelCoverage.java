package io.gaborflow.core.annotation;

/** How a 2-D Gabor kernel becomes a filter over an input with several channels. */
public enum ChannelCoverage {
  /**
   * The same kernel on every input channel, scaled by 1/Cin: the filter responds to the mean of the
   * channels. Computed as a channel mean followed by one single-channel convolution.
   */
  SHARED,
  /**
   * Each filter reads one input channel, zeros elsewhere; filter {@code i} reads channel {@code i
   * mod Cin}. Needs an input with more than one channel.
   */
  SINGLE
}
