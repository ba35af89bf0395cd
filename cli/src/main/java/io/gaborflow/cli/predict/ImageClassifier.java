package io.gaborflow.cli.predict;

import io.gaborflow.tensorflow.data.ImageSize;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code predict} runs images through: a gaborflow export, or an ONNX file run by ONNX
 * Runtime, so that a user can see both give the same answers.
 */
public interface ImageClassifier extends AutoCloseable {
  /** The classes, in label order. */
  List<String> classNames();

  /** The size images are fitted to. */
  ImageSize inputSize();

  /**
   * The class probabilities, {@code count} rows, of NHWC images whose pixels are 0..1 (as the
   * decoders give them), prepared as the model's training images were.
   */
  float[] probabilities(float[] pixels, int count);

  @Override
  void close();

  /** An ONNX file ({@code onnx} not null) or else the export in {@code modelDir}. */
  static ImageClassifier open(Path modelDir, Path onnx) {
    return onnx != null ? OnnxClassifier.open(onnx) : ExportClassifier.open(modelDir);
  }
}
