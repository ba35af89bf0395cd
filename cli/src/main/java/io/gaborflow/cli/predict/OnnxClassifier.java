package io.gaborflow.cli.predict;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.onnx.OnnxExport;
import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.data.ImageSize;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ONNX file written by {@code export-onnx}, run by ONNX Runtime: it takes pixels 0..255 and
 * prepares them itself, in the layout its metadata names.
 */
final class OnnxClassifier implements ImageClassifier {
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final List<String> classNames;
  private final ImageSize size;
  private final boolean nchw;

  private OnnxClassifier(
      OrtEnvironment environment,
      OrtSession session,
      List<String> classNames,
      ImageSize size,
      boolean nchw) {
    this.environment = environment;
    this.session = session;
    this.classNames = classNames;
    this.size = size;
    this.nchw = nchw;
  }

  static OnnxClassifier open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DataFormatException(file, "no such ONNX file");
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession session;
    try {
      session = environment.createSession(file.toString(), new OrtSession.SessionOptions());
    } catch (OrtException e) {
      throw new DataFormatException(file, "ONNX Runtime cannot read it: " + e.getMessage());
    }
    try {
      Map<String, String> metadata = session.getMetadata().getCustomMetadata();
      String names = metadata.get(OnnxExport.CLASS_NAMES);
      NodeInfo input = session.getInputInfo().get(OnnxExport.INPUT);
      if (names == null || input == null) {
        session.close();
        throw new DataFormatException(
            file,
            "not written by gaborflow export-onnx: it has no "
                + (names == null ? OnnxExport.CLASS_NAMES + " metadata" : "'images' input"));
      }
      boolean nchw = OnnxExport.Layout.NCHW.name().equals(metadata.get(OnnxExport.LAYOUT));
      long[] shape = ((TensorInfo) input.getInfo()).getShape();
      ImageSize size =
          nchw
              ? new ImageSize((int) shape[2], (int) shape[3], (int) shape[1])
              : new ImageSize((int) shape[1], (int) shape[2], (int) shape[3]);
      List<String> classes = new ObjectMapper().readValue(names, new TypeReference<>() {});
      return new OnnxClassifier(environment, session, classes, size, nchw);
    } catch (OrtException | IOException e) {
      throw new DataFormatException(file, "its metadata cannot be read: " + e.getMessage());
    }
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public ImageSize inputSize() {
    return size;
  }

  @Override
  public float[] probabilities(float[] pixels, int count) {
    int h = size.height();
    int w = size.width();
    int c = size.channels();
    float[] input = new float[count * h * w * c];
    for (int i = 0; i < input.length; i++) {
      // NHWC index i; in NCHW the same value goes to its channel plane.
      int image = i / (h * w * c);
      int channel = i % c;
      int pixel = (i / c) % (h * w);
      input[nchw ? (image * c + channel) * h * w + pixel : i] = pixels[i] * 255f;
    }
    long[] shape = nchw ? new long[] {count, c, h, w} : new long[] {count, h, w, c};
    try (OnnxTensor images = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
        OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, images))) {
      float[][] rows = (float[][]) result.get(0).getValue();
      float[] flat = new float[count * classNames.size()];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(rows[r], 0, flat, r * classNames.size(), classNames.size());
      }
      return flat;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
