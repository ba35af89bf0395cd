package io.gaborflow.tensorflow.data;

/** Some of another split's images, by index, read from it on demand. */
final class SelectedSamples implements ImageSamples {
  private final ImageSamples all;
  private final int[] indices;

  SelectedSamples(ImageSamples all, int[] indices) {
    for (int index : indices) {
      if (index < 0 || index >= all.size()) {
        throw new IndexOutOfBoundsException("image " + index + " of " + all.size());
      }
    }
    this.all = all;
    this.indices = indices;
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public int height() {
    return all.height();
  }

  @Override
  public int width() {
    return all.width();
  }

  @Override
  public int channels() {
    return all.channels();
  }

  @Override
  public int label(int index) {
    return all.label(indices[index]);
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    return all.read(indices[index], into, offset);
  }
}
