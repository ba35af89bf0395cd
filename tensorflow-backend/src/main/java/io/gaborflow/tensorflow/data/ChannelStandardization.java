package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

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
    return new ChannelStandardization(
        Collections.nCopies(channels, 0.0), Collections.nCopies(channels, 1.0));
  }

  /** The mean and deviation of each channel over every pixel of {@code set}. */
  public static ChannelStandardization of(ImageSamples set) {
    return of(set, 0, 0);
  }

  /**
   * The mean and deviation of each channel over every pixel of a seeded random sample of {@code
   * sample} images of {@code set} (all of them when {@code sample} is 0 or not below its size), so
   * the cost does not grow with the data set. The images are read in parallel, each into sums of
   * its own, and the sums are added in index order, so the result does not depend on the threads.
   */
  public static ChannelStandardization of(ImageSamples set, int sample, long seed) {
    // One class holding every image: a seeded random sample.
    int[] chosen =
        BalancedSubset.indices(new int[set.size()], 1, sample, Seeds.standardizationSample(seed));
    int c = set.channels();
    int per = set.pixelsPerImage();
    // Per image: c sums, then c sums of squares; NaN marks an image that was skipped.
    double[][] sums = new double[chosen.length][];
    IntStream.range(0, chosen.length)
        .parallel()
        .forEach(
            i -> {
              float[] image = new float[per];
              double[] own = new double[2 * c];
              if (set.read(chosen[i], image, 0)) {
                for (int p = 0; p < per; p++) {
                  own[p % c] += image[p];
                  own[c + p % c] += (double) image[p] * image[p];
                }
                sums[i] = own;
              }
            });
    double[] sum = new double[c];
    double[] squares = new double[c];
    long images = 0;
    for (double[] own : sums) {
      if (own != null) {
        images++;
        for (int k = 0; k < c; k++) {
          sum[k] += own[k];
          squares[k] += own[c + k];
        }
      }
    }
    double n = Math.max(1.0, (double) images * set.height() * set.width());
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
    apply(pixels, 0, pixels.length, channels);
  }

  /**
   * Applies this in place to the {@code count} NHWC pixel values of {@code pixels} from {@code
   * from}.
   */
  public void apply(float[] pixels, int from, int count, int channels) {
    // Unboxed once per call: streamed images are standardised one by one, in every batch.
    double[] m = new double[channels];
    double[] d = new double[channels];
    for (int k = 0; k < channels; k++) {
      m[k] = mean.get(k);
      d[k] = std.get(k);
    }
    for (int p = 0; p < count; p++) {
      int k = p % channels;
      pixels[from + p] = (float) ((pixels[from + p] - m[k]) / d[k]);
    }
  }
}
