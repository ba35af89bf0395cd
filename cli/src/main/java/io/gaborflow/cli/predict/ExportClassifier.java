package io.gaborflow.cli.predict;

import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.nio.file.Path;
import java.util.List;

/** A gaborflow export ({@code train --export}), through TensorFlow. */
final class ExportClassifier implements ImageClassifier {
  private final ExportedModel model;

  private ExportClassifier(ExportedModel model) {
    this.model = model;
  }

  static ExportClassifier open(Path directory) {
    return new ExportClassifier(ExportedModel.load(directory));
  }

  @Override
  public List<String> classNames() {
    return model.metadata().classNames();
  }

  @Override
  public ImageSize inputSize() {
    ExportMetadata m = model.metadata();
    return new ImageSize(m.height(), m.width(), m.channels());
  }

  @Override
  public float[] probabilities(float[] pixels, int count) {
    float[] prepared = pixels.clone();
    model.metadata().standardize(prepared);
    return model.predict(prepared, count);
  }

  @Override
  public void close() {
    model.close();
  }
}
