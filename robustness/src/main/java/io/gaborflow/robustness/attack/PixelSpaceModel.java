package io.gaborflow.robustness.attack;

import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.InputGradients;

/**
 * An exported model seen from pixel space, where attacks and corruptions work: images in 0..1,
 * before the standardisation training used, which this applies on the way in; gradients are carried
 * back through it to the pixels.
 */
public final class PixelSpaceModel {
  private final ExportedModel model;
  private final ExportMetadata metadata;
  private final InputGradients gradients;
  private final int gradientSamples;

  /** {@code model} with a gradient of one evaluation: for a model without noise. */
  public PixelSpaceModel(ExportedModel model) {
    this(model, 1);
  }

  /**
   * {@code model} with each loss and gradient averaged over {@code gradientSamples} evaluations
   * (expectation over transformation, Athalye et al. 2018): a model that adds noise answers each
   * evaluation differently, and the gradient of one draw would make noise look like robustness.
   */
  public PixelSpaceModel(ExportedModel model, int gradientSamples) {
    requireGradientSamples(gradientSamples);
    this.model = model;
    this.metadata = model.metadata();
    this.gradients = model.inputGradients();
    this.gradientSamples = gradientSamples;
  }

  /** Checks that {@code gradientSamples} is a count of evaluations: 1 or more. */
  public static void requireGradientSamples(int gradientSamples) {
    if (gradientSamples < 1) {
      throw new IllegalArgumentException(
          "gradient samples must be 1 or more, got " + gradientSamples);
    }
  }

  /** How many evaluations each gradient averages. */
  public int gradientSamples() {
    return gradientSamples;
  }

  /** Floats per image. */
  public int pixelsPerImage() {
    return metadata.height() * metadata.width() * metadata.channels();
  }

  /** The class each of {@code count} images is put in. */
  public int[] predict(float[] pixels, int count) {
    float[] standardized = standardized(pixels, count);
    float[] probabilities = model.predict(standardized, count);
    int classes = metadata.classNames().size();
    int[] predicted = new int[count];
    for (int i = 0; i < count; i++) {
      for (int c = 1; c < classes; c++) {
        if (probabilities[i * classes + c] > probabilities[i * classes + predicted[i]]) {
          predicted[i] = c;
        }
      }
    }
    return predicted;
  }

  /**
   * Each image's cross-entropy against its label, and its gradient with respect to the pixels: the
   * model's input gradient divided by each channel's standard deviation, the chain rule through (x
   * - mean) / std; both averaged over the {@link #gradientSamples()} evaluations.
   */
  public LossGradient lossGradient(float[] pixels, int[] labels, int count) {
    float[] standardized = standardized(pixels, count);
    float[] losses = new float[count];
    float[] gradient = new float[count * pixelsPerImage()];
    for (int sample = 0; sample < gradientSamples; sample++) {
      InputGradients.Evaluation evaluation = gradients.evaluate(standardized, labels, count);
      add(losses, evaluation.losses());
      add(gradient, evaluation.gradient());
    }
    int channels = metadata.channels();
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] /= gradientSamples * metadata.channelStd().get(i % channels).floatValue();
    }
    for (int i = 0; i < count; i++) {
      losses[i] /= gradientSamples;
    }
    return new LossGradient(losses, gradient);
  }

  private static void add(float[] sum, float[] values) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += values[i];
    }
  }

  /**
   * What {@link #lossGradient} computes.
   *
   * @param losses each image's cross-entropy
   * @param gradient its gradient with respect to the image's pixels, laid out as the images
   */
  public record LossGradient(float[] losses, float[] gradient) {}

  private float[] standardized(float[] pixels, int count) {
    float[] copy = java.util.Arrays.copyOf(pixels, count * pixelsPerImage());
    metadata.standardize(copy);
    return copy;
  }
}
