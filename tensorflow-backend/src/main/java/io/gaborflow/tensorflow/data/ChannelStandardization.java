package io.gaborflow.tensorflow.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-channel {@code (x - mean) / std}, with the statistics of a training set; the identity has
 * mean 0 and deviation 1. Kept with the data and the exported model, so a prediction prepares an
 * image exactly as training did.
 */
public record ChannelStandardization(List<Double> mean, List<Double> std) {
  /** Copies the statistics. */
  public ChannelStandardization {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
  }

  /** No standardisation: mean 0 and deviation 1 for each of {@code channels}. */
  public static ChannelStandardization identity(int channels) {
    return new ChannelStandardization(Collections.nCopies(channels, 0.0), Collections.nCopies(channels, 1.0));
  }

  /** The mean and deviation of each channel over every pixel of {@code set}. */
  public static ChannelStandardization of(ImageSet set) {
    return of(set, 0, 0);
  }

  /**
   * The mean and deviation of each channel over every pixel of a seeded random sample of {@code
   * sample} images of {@code set} (all of them when {@code sample} is 0 or not below its size), so
   * the cost does not grow with the data set.
   */
  public static ChannelStandardization of(ImageSet set, int sample, long seed) {
    if (sample > 0 && sample < set.size()) {
      // One class holding every image: a seeded random sample.
      int[] chosen = BalancedSubset.indices(new int[set.size()], 1, sample, seed);
      set = set.select(chosen);
    }
    int c = set.channels();
    double[] sum = new double[c];
    double[] squares = new double[c];
    float[] image = new float[set.pixelsPerImage()];
    int[] order = {0};
    int[] label = new int[1];
    for (int i = 0; i < set.size(); i++) {
      order[0] = i;
      set.copyBatch(order, 0, 1, image, label);
      for (int p = 0; p < image.length; p++) {
        sum[p % c] += image[p];
        squares[p % c] += (double) image[p] * image[p];
      }
    }
    double n = (double) set.size() * set.height() * set.width();
    List<Double> mean = new ArrayList<>();
    List<Double> std = new ArrayList<>();
    for (int k = 0; k < c; k++) {
      double m = sum[k] / n;
      mean.add(m);
      // A constant channel keeps deviation 1 rather than dividing by zero.
      double variance = squares[k] / n - m * m;
      std.add(variance > 1e-12 ? Math.sqrt(variance) : 1.0);
    }
    return new ChannelStandardization(mean, std);
  }

  /** Applies this to NHWC pixels in place. */
  public void apply(float[] pixels, int channels) {
    for (int p = 0; p < pixels.length; p++) {
      int k = p % channels;
      pixels[p] = (float) ((pixels[p] - mean.get(k)) / std.get(k));
    }
  }
}
