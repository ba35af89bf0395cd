package io.gaborflow.tensorflow.graph;

/**
 * Where a fixed bank's values come from when they are not Gabor filters; resolved by the {@link
 * NetworkLowering}'s caller.
 */
public interface TensorSource {
  /** The number of filters the bank has. */
  int filters();

  /**
   * The HWIO values {@code [size, size, inChannels, filters()]}, row-major.
   *
   * @throws IllegalArgumentException when the source's shape is another one; the message names the
   *     source and both shapes
   */
  float[] load(int size, int inChannels);

  /** The source in words, for errors and reports. */
  String describe();
}
