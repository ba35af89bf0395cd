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

  public PixelSpaceModel(ExportedModel model) {
    this.model = model;
    this.metadata = model.metadata();
    this.gradients = model.inputGradients();
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
   * - mean) / std.
   */
  public LossGradient lossGradient(float[] pixels, int[] labels, int count) {
    InputGradients.Evaluation evaluation =
        gradients.evaluate(standardized(pixels, count), labels, count);
    float[] gradient = evaluation.gradient();
    int channels = metadata.channels();
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] /= metadata.channelStd().get(i % channels).floatValue();
    }
    return new LossGradient(evaluation.losses(), gradient);
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
