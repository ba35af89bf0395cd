package io.gaborflow.tensorflow.export;

import io.gaborflow.tensorflow.data.ImageDecoder;
import io.gaborflow.tensorflow.graph.FloatTensors;
import io.gaborflow.tensorflow.runtime.TensorFlowEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TFloat32;

/**
 * A model written by {@link ModelExport}, loaded for prediction. Safe to call from several threads
 * at once: TensorFlow sessions run concurrent calls, and nothing here is mutable.
 */
public final class ExportedModel implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction serving;
  private final ExportMetadata metadata;
  private InputGradients inputGradients;

  static {
    TensorFlowEnvironment.ensure();
  }

  private ExportedModel(SavedModelBundle bundle, ExportMetadata metadata) {
    this.bundle = bundle;
    this.serving = bundle.function(ModelExport.SIGNATURE);
    this.metadata = metadata;
  }

  /** Loads the export in {@code directory}; the caller closes it. */
  public static ExportedModel load(Path directory) {
    Path metadataFile = directory.resolve(ModelExport.METADATA);
    if (!Files.isRegularFile(metadataFile)) {
      throw new IllegalArgumentException(
          directory
              + " is not a gaborflow export: it has no "
              + ModelExport.METADATA
              + " (write one with RunOptions.exportTo)");
    }
    try {
      ExportMetadata metadata =
          ModelExport.JSON.readValue(metadataFile.toFile(), ExportMetadata.class);
      return new ExportedModel(
          SavedModelBundle.load(directory.toString(), SavedModelBundle.DEFAULT_TAG), metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(metadataFile + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** What the export says about itself. */
  public ExportMetadata metadata() {
    return metadata;
  }

  /**
   * Class probabilities, {@code count} rows of {@code classNames().size()}, for NHWC pixels already
   * scaled.
   */
  public float[] predict(float[] images, int count) {
    Shape shape = Shape.of(count, metadata.height(), metadata.width(), metadata.channels());
    try (TFloat32 x =
            TFloat32.tensorOf(shape, DataBuffers.of(images, true, false).narrow(shape.size()));
        Result result = serving.call(Map.of(ModelExport.INPUT, x))) {
      return FloatTensors.values((TFloat32) result.get(ModelExport.OUTPUT).orElseThrow());
    }
  }

  /**
   * The class probabilities of the image in {@code file} (PNG, JPEG, BMP or GIF), prepared as the
   * model's training images were: resized to its input, scaled and standardised.
   */
  public Prediction predict(Path file) {
    return predict(ImageDecoder.read(file));
  }

  /** The class probabilities of {@code image}, prepared as the model's training images were. */
  public Prediction predict(BufferedImage image) {
    return predict(List.of(image)).get(0);
  }

  /**
   * The class probabilities of each of {@code images}, in their order, prepared as the model's
   * training images were and run through the model as one batch: a service that collects requests
   * makes one call where it would make {@code images.size()}.
   */
  public List<Prediction> predict(List<BufferedImage> images) {
    if (images.isEmpty()) {
      return List.of();
    }
    int pixelsPerImage = metadata.height() * metadata.width() * metadata.channels();
    float[] batch = new float[images.size() * pixelsPerImage];
    for (int i = 0; i < images.size(); i++) {
      float[] pixels =
          ImageDecoder.pixels(
              images.get(i), metadata.height(), metadata.width(), metadata.channels());
      metadata.standardize(pixels);
      System.arraycopy(pixels, 0, batch, i * pixelsPerImage, pixelsPerImage);
    }
    float[] probabilities = predict(batch, images.size());
    int classes = metadata.classNames().size();
    return IntStream.range(0, images.size())
        .mapToObj(
            i ->
                new Prediction(
                    metadata.classNames(),
                    Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes)))
        .toList();
  }

  /**
   * One image's class probabilities.
   *
   * @param classNames the model's classes, in label order
   * @param probabilities one per class, in the same order
   */
  public record Prediction(List<String> classNames, float[] probabilities) {
    /** The most likely class. */
    public String best() {
      return top(1).get(0);
    }

    /** The {@code k} most likely classes, most likely first. */
    public List<String> top(int k) {
      return IntStream.range(0, probabilities.length)
          .boxed()
          .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[c]))
          .limit(k)
          .map(classNames::get)
          .toList();
    }

    /** The probability of class {@code name}. */
    public float probability(String name) {
      int index = classNames.indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(
            "the model has no class '" + name + "'; it has " + classNames);
      }
      return probabilities[index];
    }
  }

  /**
   * The loss's gradient with respect to the model's input, for white-box attacks and saliency; the
   * ops are added to this export's graph at the first call.
   */
  public synchronized InputGradients inputGradients() {
    if (inputGradients == null) {
      SignatureDef signature = bundle.metaGraphDef().getSignatureDefOrThrow(ModelExport.SIGNATURE);
      inputGradients =
          InputGradients.build(
              bundle.graph(),
              bundle.session(),
              operationName(signature.getInputsOrThrow(ModelExport.INPUT).getName()),
              operationName(signature.getOutputsOrThrow(ModelExport.OUTPUT).getName()),
              metadata);
    }
    return inputGradients;
  }

  private static String operationName(String tensor) {
    int colon = tensor.lastIndexOf(':');
    return colon < 0 ? tensor : tensor.substring(0, colon);
  }

  /** The current value of a tensor of the model, such as a bank's kernel. */
  public float[] tensor(String name) {
    try (Result result = bundle.session().runner().fetch(name).run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}
