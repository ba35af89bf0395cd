package io.gaborflow.tensorflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Padding;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class ConvolutionMatrixTest {
  @ParameterizedTest(name = "{0}x{1} input, {2}x{2} kernel, stride {3}, {4}, {5} filters")
  @CsvSource({
    "12, 12, 5, 1, VALID, 25", // gabor-lenet's third layer
    "8, 8, 3, 1, SAME, 6", // gabor-nin's eleventh layer, fewer filters
    "9, 7, 3, 2, SAME, 4",
    "7, 9, 4, 2, SAME, 3", // even kernel: TensorFlow puts the odd padding zero after
    "10, 6, 3, 3, VALID, 2"
  })
  void theMatrixProductIsTheConvolution(
      int height, int width, int size, int stride, Padding padding, int filters) {
    Random random = new Random(height * 31 + width);
    int batch = 3;
    float[] image = new float[batch * height * width];
    float[] kernel = new float[size * size * filters];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) random.nextGaussian();
    }
    ConvGeometry geometry = new ConvGeometry(size, stride, padding);
    int oh = ConvolutionMatrix.outputHeight(height, geometry);
    int ow = ConvolutionMatrix.outputWidth(width, geometry);
    float[] matrix = ConvolutionMatrix.of(kernel, height, width, geometry, filters);
    float[] expected;
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x =
          tf.constant(Shape.of(batch, height, width, 1), DataBuffers.of(image, true, false));
      Operand<TFloat32> k =
          tf.constant(Shape.of(size, size, 1, filters), DataBuffers.of(kernel, true, false));
      try (Result r =
          s.runner().fetch(tf.nn.conv2d(x, k, geometry.strides(), geometry.paddingName())).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        assertEquals(Shape.of(batch, oh, ow, filters), t.shape());
        expected = FloatTensors.values(t);
      }
    }
    int columns = oh * ow * filters;
    for (int n = 0; n < batch; n++) {
      for (int c = 0; c < columns; c++) {
        double sum = 0;
        for (int p = 0; p < height * width; p++) {
          sum += image[n * height * width + p] * matrix[p * columns + c];
        }
        assertEquals(expected[n * columns + c], sum, 1e-4, "image " + n + ", output " + c);
      }
    }
  }

  @Test
  void onlySmallMapsTakeTheMatrixForm() {
    // gabor-lenet's layer 3 (12 x 12, 5 x 5, 25 filters): 230,400 entries, 5.8x the work.
    assertTrue(ConvolutionMatrix.pays(12, 12, new ConvGeometry(5, 1, Padding.VALID), 25));
    // Its layer 1 (28 x 28): 31x the work.
    assertFalse(ConvolutionMatrix.pays(28, 28, new ConvGeometry(5, 1, Padding.VALID), 10));
    // gabor-nin's layer 11 (8 x 8, 3 x 3 SAME, 96 filters): 393,216 entries, 7.1x.
    assertTrue(ConvolutionMatrix.pays(8, 8, new ConvGeometry(3, 1, Padding.SAME), 96));
    // Its layer 6 (16 x 16, 5 x 5 SAME, 96 filters): 6.3 million entries.
    assertFalse(ConvolutionMatrix.pays(16, 16, new ConvGeometry(5, 1, Padding.SAME), 96));
  }
}
