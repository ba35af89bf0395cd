package io.gaborflow.tensorflow.graph;

/** The images a model takes (height x width x channels) and the number of classes it tells apart. */
public record InputSpec(int height, int width, int channels, int classes) {
  public int pixelsPerImage() {
    return height * width * channels;
  }
}
