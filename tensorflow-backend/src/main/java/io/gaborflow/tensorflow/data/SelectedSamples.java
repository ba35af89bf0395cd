package io.gaborflow.tensorflow.data;

/** Some of another split's images, by index, read from it on demand. */
final class SelectedSamples extends ForwardingSamples {
  private final int[] indices;

  SelectedSamples(ImageSamples all, int[] indices) {
    super(all);
    for (int index : indices) {
      if (index < 0 || index >= all.size()) {
        throw new IndexOutOfBoundsException("image " + index + " of " + all.size());
      }
    }
    this.indices = indices;
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int label(int index) {
    return delegate.label(indices[index]);
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    return delegate.read(indices[index], into, offset);
  }
}
