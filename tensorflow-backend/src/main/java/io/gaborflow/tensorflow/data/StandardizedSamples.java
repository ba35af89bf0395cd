package io.gaborflow.tensorflow.data;

/** Another split's images, standardised per channel as each is read. */
final class StandardizedSamples implements ImageSamples {
  private final ImageSamples raw;
  private final ChannelStandardization standardization;

  StandardizedSamples(ImageSamples raw, ChannelStandardization standardization) {
    this.raw = raw;
    this.standardization = standardization;
  }

  @Override
  public int size() {
    return raw.size();
  }

  @Override
  public int height() {
    return raw.height();
  }

  @Override
  public int width() {
    return raw.width();
  }

  @Override
  public int channels() {
    return raw.channels();
  }

  @Override
  public int label(int index) {
    return raw.label(index);
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    if (!raw.read(index, into, offset)) {
      return false;
    }
    standardization.apply(into, offset, pixelsPerImage(), channels());
    return true;
  }
}
