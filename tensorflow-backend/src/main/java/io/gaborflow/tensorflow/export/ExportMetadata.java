package io.gaborflow.tensorflow.export;

import io.gaborflow.core.model.NetworkSpec;
import java.util.List;

/**
 * What gaborflow writes beside a SavedModel ({@code gaborflow.json}): how to prepare an image for
 * it, what its outputs mean, and where each convolution bank's filters are, fixed or learned.
 *
 * @param pixelScale a pixel value v (0..255) enters the model as {@code (v * pixelScale - mean) /
 *     std}
 * @param channelMean per channel, what training subtracted after scaling
 * @param channelStd per channel, what training then divided by
 * @param banks every convolution bank, in layer order
 * @param stochastic whether the model adds noise at test, so that its answers differ from call to
 *     call (false in exports written before gaborflow recorded it)
 * @param network the network's description, as trained (null in exports written before gaborflow
 *     recorded it)
 */
public record ExportMetadata(
    String model,
    int height,
    int width,
    int channels,
    List<String> classNames,
    double pixelScale,
    List<Double> channelMean,
    List<Double> channelStd,
    List<Bank> banks,
    boolean stochastic,
    NetworkSpec network) {

  /** Copies the lists. */
  public ExportMetadata {
    classNames = List.copyOf(classNames);
    channelMean = List.copyOf(channelMean);
    channelStd = List.copyOf(channelStd);
    banks = List.copyOf(banks);
  }

  /**
   * The network's description.
   *
   * @throws IllegalStateException for an export written before gaborflow recorded it
   */
  public NetworkSpec requireNetwork() {
    if (network == null) {
      throw new IllegalStateException(
          "this export of "
              + model
              + " was written before gaborflow recorded the network in "
              + ModelExport.METADATA
              + "; export the model again (train --export, or RunOptions.exportTo)");
    }
    return network;
  }

  /** Prepares NHWC pixels already scaled to 0..1 as training did (in place). */
  public void standardize(float[] pixels) {
    for (int p = 0; p < pixels.length; p++) {
      int c = p % channels;
      pixels[p] = (float) ((pixels[p] - channelMean.get(c)) / channelStd.get(c));
    }
  }

  /**
   * One convolution bank.
   *
   * @param name "layer1/conv1"
   * @param kind "fixed", "partially-trained", "learned" or "parametric-gabor"
   * @param tensor the graph tensor holding its kernel
   * @param shape the kernel's shape (HWIO)
   * @param gabor for a Gabor bank, each filter's parameters at export (a parametric bank's as
   *     trained) and the kernels' normalisation; {@code null} for other banks and older exports
   */
  public record Bank(
      String name, String kind, String tensor, List<Long> shape, GaborBankParameters gabor) {
    /** A bank that is not a Gabor bank. */
    public Bank(String name, String kind, String tensor, List<Long> shape) {
      this(name, kind, tensor, shape, null);
    }
  }
}
