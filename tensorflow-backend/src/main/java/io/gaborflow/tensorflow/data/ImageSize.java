package io.gaborflow.tensorflow.data;

/** The size images are read at: height x width, grey (1 channel) or RGB (3). */
public record ImageSize(int height, int width, int channels) {
  /** Checks every dimension is positive. */
  public ImageSize {
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException(
          "image size must be positive with 1 or 3 channels, got "
              + height
              + "x"
              + width
              + "x"
              + channels);
    }
  }

  /** Values per image. */
  public int elements() {
    return height * width * channels;
  }

  /**
   * Why {@code model}, which takes images of {@code modelHeight x modelWidth x modelChannels},
   * cannot train on {@code data}, whose images are {@code height x width x channels}, and how to
   * fix it. Plain numbers, as either side may have a channel count image files do not.
   */
  public static String mismatch(
      String model,
      int modelHeight,
      int modelWidth,
      int modelChannels,
      String data,
      int height,
      int width,
      int channels) {
    String modelSize = modelHeight + "x" + modelWidth + "x" + modelChannels;
    String dataSize = height + "x" + width + "x" + channels;
    return model
        + " takes "
        + modelSize
        + " images but "
        + data
        + " has "
        + dataSize
        + " images; read image"
        + " files at the model's size (DataSpec.resizedTo), or use a model that takes "
        + dataSize
        + " images";
  }
}
