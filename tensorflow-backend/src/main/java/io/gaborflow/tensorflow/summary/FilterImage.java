package io.gaborflow.tensorflow.summary;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A bank's filters as one grey PNG for TensorBoard: each filter (its mean over input channels) a
 * tile of {@code k x k} cells of {@link #CELL} pixels, grey 128 at zero, stretched by the bank's
 * largest magnitude, tiles side by side with a one-cell gap.
 *
 * @param png the encoded image
 */
record FilterImage(byte[] png, int height, int width) {
  /** Pixels per kernel tap. */
  static final int CELL = 4;

  /** The image of a {@code [k, k, inChannels, filters]} kernel (HWIO, as the graph holds it). */
  static FilterImage of(float[] hwio, int k, int inChannels, int filters) {
    float[][] mean = new float[filters][k * k];
    float largest = 1e-12f;
    for (int tap = 0; tap < k * k; tap++) {
      for (int c = 0; c < inChannels; c++) {
        for (int f = 0; f < filters; f++) {
          mean[f][tap] += hwio[(tap * inChannels + c) * filters + f] / inChannels;
        }
      }
    }
    for (float[] filter : mean) {
      for (float v : filter) {
        largest = Math.max(largest, Math.abs(v));
      }
    }
    int tile = k * CELL;
    int width = filters * (tile + CELL) - CELL;
    BufferedImage image = new BufferedImage(width, tile, BufferedImage.TYPE_BYTE_GRAY);
    for (int f = 0; f < filters; f++) {
      for (int tap = 0; tap < k * k; tap++) {
        int grey = Math.round(127.5f + 127.5f * mean[f][tap] / largest);
        int x0 = f * (tile + CELL) + (tap % k) * CELL;
        int y0 = (tap / k) * CELL;
        for (int y = 0; y < CELL; y++) {
          for (int x = 0; x < CELL; x++) {
            image.getRaster().setSample(x0 + x, y0 + y, 0, grey);
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FilterImage(out.toByteArray(), tile, width);
  }
}
