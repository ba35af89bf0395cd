package io.gaborflow.tensorflow.data;

/** Another split's images, standardised per channel as each is read. */
final class StandardizedSamples extends ForwardingSamples {
  private final ChannelStandardization standardization;

  StandardizedSamples(ImageSamples raw, ChannelStandardization standardization) {
    super(raw);
    this.standardization = standardization;
  }

  @Override
  public boolean read(int index, float[] into, int offset) {
    if (!delegate.read(index, into, offset)) {
      return false;
    }
    standardization.apply(into, offset, pixelsPerImage(), channels());
    return true;
  }
}
