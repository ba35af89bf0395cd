package io.gaborflow.tensorflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.model.Windows;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Each form of a fixed convolution on its own: its output equals a convolution computed in plain
 * Java, and its input gradient equals that of TensorFlow's Conv2D with the same kernel.
 */
class FixedConvFormsTest {
  private static final int BATCH = 3;

  private record Case(
      int size, int kernel, int stride, Padding padding, int channels, int filters) {
    FixedConvForms.Geometry geometry() {
      return new FixedConvForms.Geometry(
          new ConvGeometry(kernel, stride, padding), size, size, channels, filters);
    }

    int out() {
      return Windows.outputSize(size, kernel, stride, padding);
    }
  }

  @ParameterizedTest(
      name = "{0}: {1}x{1} input, {2}x{2} kernel, stride {3}, {4}, {5} channel(s), {6} filters")
  @CsvSource({
    "conv2d, 9, 3, 1, SAME, 3, 4",
    "conv2d, 10, 5, 2, VALID, 2, 3",
    "conv2d, 12, 1, 2, SAME, 3, 4",
    "conv2d, 11, 1, 2, SAME, 2, 3",
    "conv2d, 11, 1, 3, VALID, 2, 3",
    "depthwise, 9, 3, 1, SAME, 1, 4",
    "depthwise, 11, 5, 2, VALID, 1, 3",
    "matrix, 8, 3, 1, SAME, 1, 4",
    "matrix, 10, 5, 2, VALID, 1, 2",
    "shifted-copies, 9, 3, 1, SAME, 1, 4",
    "shifted-copies, 12, 3, 2, SAME, 1, 3",
    "shifted-copies, 10, 5, 1, VALID, 1, 2",
  })
  void equalsTheConvolution(
      String form, int size, int kernel, int stride, Padding padding, int channels, int filters) {
    Case c = new Case(size, kernel, stride, padding, channels, filters);
    SplittableRandom random = new SplittableRandom(size * 31L + kernel);
    float[] x = uniform(random, BATCH * size * size * channels);
    float[] k = uniform(random, kernel * kernel * channels * filters);
    float[] upstream = uniform(random, BATCH * c.out() * c.out() * filters);
    List<float[]> byForm = run(formNamed(form), c, x, k, upstream);
    List<float[]> byConv2d = run(FixedConvForms.CONV2D, c, x, k, upstream);
    assertClose(reference(c, x, k), byForm.get(0), form + " output");
    assertClose(byConv2d.get(1), byForm.get(1), form + " input gradient");
  }

  @ParameterizedTest(
      name = "{0}x{0} input, {1} filters, constant {2}, input gradient {3}, deterministic {4}: {5}")
  @CsvSource({
    "8, 4, true, true, false, matrix",
    "8, 4, true, true, true, matrix",
    "32, 8, true, true, false, shifted-copies",
    "32, 8, true, true, true, depthwise",
    "8, 4, true, false, false, depthwise",
    "8, 4, false, true, false, depthwise",
  })
  void policyPicksAMatrixFormOnlyForAConstantKernelWhoseInputGradientIsNeeded(
      int size,
      int filters,
      boolean constant,
      boolean inputGradient,
      boolean deterministic,
      String expected) {
    FixedConvForms.Geometry geometry =
        new FixedConvForms.Geometry(new ConvGeometry(3, 1, Padding.SAME), size, size, 1, filters);
    assertSame(
        formNamed(expected),
        FixedConvForms.choose(geometry, constant, inputGradient, deterministic));
    FixedConvForms.Geometry manyChannels =
        new FixedConvForms.Geometry(new ConvGeometry(3, 1, Padding.SAME), size, size, 3, filters);
    assertSame(
        FixedConvForms.CONV2D,
        FixedConvForms.choose(manyChannels, constant, inputGradient, deterministic));
  }

  private static FixedConvForm formNamed(String name) {
    return switch (name) {
      case "conv2d" -> FixedConvForms.CONV2D;
      case "depthwise" -> FixedConvForms.DEPTHWISE;
      case "matrix" -> FixedConvForms.MATRIX;
      case "shifted-copies" -> FixedConvForms.SHIFTED_COPIES;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The output, then the gradient of sum(output * upstream) with respect to the input. */
  private static List<float[]> run(
      FixedConvForm form, Case c, float[] x, float[] k, float[] upstream) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> input =
          tf.constant(
              Shape.of(BATCH, c.size(), c.size(), c.channels()), DataBuffers.of(x, true, false));
      Operand<TFloat32> kernel =
          tf.constant(
              Shape.of(c.kernel(), c.kernel(), c.channels(), c.filters()),
              DataBuffers.of(k, true, false));
      Operand<TFloat32> out = form.apply(tf, input, kernel, k, c.geometry());
      Operand<TFloat32> weights =
          tf.constant(
              Shape.of(BATCH, c.out(), c.out(), c.filters()),
              DataBuffers.of(upstream, true, false));
      Operand<TFloat32> loss =
          tf.reduceSum(tf.math.mul(out, weights), tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {input.asOutput()});
      try (Result r = s.runner().fetch(out).fetch(grad[0]).run()) {
        return List.of(
            FloatTensors.values((TFloat32) r.get(0)), FloatTensors.values((TFloat32) r.get(1)));
      }
    }
  }

  /** The convolution by its definition, NHWC input and HWIO kernel, zeros outside the input. */
  private static float[] reference(Case c, float[] x, float[] k) {
    int n = c.out();
    int top = Windows.padBefore(c.size(), c.kernel(), c.stride(), c.padding());
    float[] out = new float[BATCH * n * n * c.filters()];
    for (int b = 0; b < BATCH; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int f = 0; f < c.filters(); f++) {
            double sum = 0;
            for (int di = 0; di < c.kernel(); di++) {
              for (int dj = 0; dj < c.kernel(); dj++) {
                int y = i * c.stride() + di - top;
                int xx = j * c.stride() + dj - top;
                if (y < 0 || xx < 0 || y >= c.size() || xx >= c.size()) {
                  continue;
                }
                for (int ch = 0; ch < c.channels(); ch++) {
                  sum +=
                      x[((b * c.size() + y) * c.size() + xx) * c.channels() + ch]
                          * k[((di * c.kernel() + dj) * c.channels() + ch) * c.filters() + f];
                }
              }
            }
            out[((b * n + i) * n + j) * c.filters() + f] = (float) sum;
          }
        }
      }
    }
    return out;
  }

  private static float[] uniform(SplittableRandom random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextDouble(-1, 1);
    }
    return values;
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4, what + "[" + i + "]");
    }
  }
}
