package io.gaborflow.tensorflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.gabor.GaborParameters;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.sources.FilterSources;
import io.gaborflow.tensorflow.testing.Specs;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * The gradient of the loss with respect to each Gabor parameter of a parametric bank, as the graph
 * computes it, against a central finite difference of the same loss computed in double precision in
 * Java (GaborKernel, the normalisation, the convolution, the dense layer, the softmax
 * cross-entropy), for every filter of the bank.
 */
class ParametricGaborGradientTest {
  private static final int IMAGE = 7;
  private static final int KERNEL = 5;
  private static final int OUT = IMAGE - KERNEL + 1;
  private static final int CLASSES = 3;
  private static final int BATCH = 2;
  private static final GaborBankSpec GABOR =
      GaborBankSpec.builder()
          .angles(10, 75)
          .wavelengths(3.5)
          .phases(0, 60)
          .sigma(1.6)
          .aspect(0.7)
          .normalization(Normalization.ZERO_MEAN_UNIT_NORM)
          .build();

  private static NetworkSpec spec() {
    return Specs.network("parametric", IMAGE, 1, CLASSES)
        .layer(
            "conv",
            Specs.conv(
                KERNEL,
                1,
                Padding.VALID,
                Activation.NONE,
                new FixedGaborBankSpec("gabor", GABOR)
                    .learning(EnumSet.allOf(GaborParameter.class))))
        .layer("flat", Specs.flatten())
        .layer("logits", Specs.logits(CLASSES))
        .build();
  }

  @ParameterizedTest
  @EnumSource(GaborParameter.class)
  void theGraphsGradientIsTheFiniteDifference(GaborParameter parameter) {
    Random random = new Random(5);
    float[] images = new float[BATCH * IMAGE * IMAGE];
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    int[] labels = {1, 2};
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      BuiltNetwork network =
          NetworkLowering.lower(
              tf, spec(), 1, FilterSources::of, new LoweringOptions(true, LayerForm.PER_BANK));
      Operand<TFloat32> oneHot =
          tf.constant(
              Shape.of(BATCH, CLASSES),
              DataBuffers.of(new float[] {0, 1, 0, 0, 0, 1}, true, false));
      Operand<TFloat32> loss =
          tf.math.mean(
              tf.nn.softmaxCrossEntropyWithLogits(network.trainingLogits(), oneHot).loss(),
              tf.constant(0));
      LearnableVariable target =
          network.learnables().stream()
              .filter(v -> v.key().role() == roleOf(parameter))
              .findFirst()
              .orElseThrow();
      Output<?>[] gradient =
          graph.addGradients(loss.asOutput(), new Output<?>[] {target.variable().asOutput()});
      SplittableRandom weights = new SplittableRandom(3);
      List<Operand<?>> inits = new ArrayList<>();
      float[] dense = null;
      float[] bias = null;
      for (LearnableVariable v : network.learnables()) {
        float[] values = v.initialValues(weights.split());
        if (v.key().owner().equals("logits")) {
          if (v.key().role() == VariableKey.Role.KERNEL) {
            dense = values;
          } else {
            bias = values;
          }
        }
        inits.add(
            tf.assign(v.variable(), tf.constant(v.shape(), DataBuffers.of(values, true, false))));
      }
      try (Session session = new Session(graph);
          TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(BATCH, IMAGE, IMAGE, 1), DataBuffers.of(images, true, false))) {
        Session.Runner init = session.runner();
        inits.forEach(op -> init.addTarget(op.op()));
        init.run().close();
        try (Result result = session.runner().feed(network.images(), x).fetch(gradient[0]).run()) {
          TFloat32 g = (TFloat32) result.get(0);
          List<GaborParameters> declared = GABOR.filters(KERNEL);
          double largest = 0;
          double[] numeric = new double[declared.size()];
          for (int f = 0; f < declared.size(); f++) {
            numeric[f] = finiteDifference(declared, f, parameter, images, labels, dense, bias);
            largest = Math.max(largest, Math.abs(numeric[f]));
          }
          assertTrue(largest > 1e-4, parameter + " moves the loss");
          for (int f = 0; f < declared.size(); f++) {
            assertTrue(
                Math.abs(numeric[f]) > 1e-6 * largest,
                "filter " + f + "'s gradient is not lost in rounding");
            assertEquals(
                numeric[f],
                g.getFloat(f),
                1e-3 * Math.abs(numeric[f]),
                parameter + " of filter " + f + ", to 1e-3 relative");
          }
        }
      }
    }
  }

  private static VariableKey.Role roleOf(GaborParameter parameter) {
    return switch (parameter) {
      case THETA -> VariableKey.Role.THETA;
      case PSI -> VariableKey.Role.PSI;
      case LAMBDA -> VariableKey.Role.LOG_LAMBDA;
      case SIGMA -> VariableKey.Role.LOG_SIGMA;
      case GAMMA -> VariableKey.Role.LOG_GAMMA;
    };
  }

  /**
   * d loss / d (the stored form of {@code parameter} of filter {@code f}), centrally, in doubles.
   */
  private static double finiteDifference(
      List<GaborParameters> declared,
      int f,
      GaborParameter parameter,
      float[] images,
      int[] labels,
      float[] dense,
      float[] bias) {
    double h = 1e-5;
    return (loss(moved(declared, f, parameter, h), images, labels, dense, bias)
            - loss(moved(declared, f, parameter, -h), images, labels, dense, bias))
        / (2 * h);
  }

  private static List<GaborParameters> moved(
      List<GaborParameters> declared, int f, GaborParameter parameter, double h) {
    List<GaborParameters> filters = new ArrayList<>(declared);
    GaborParameters p = declared.get(f);
    filters.set(
        f,
        p.with(
            parameter,
            ParametricGaborKernel.value(
                parameter, ParametricGaborKernel.stored(parameter, p) + h)));
    return filters;
  }

  /** The mean softmax cross-entropy of the network with these filters, in doubles. */
  private static double loss(
      List<GaborParameters> filters, float[] images, int[] labels, float[] dense, float[] bias) {
    FilterBank bank = FilterBank.of(filters, KERNEL, Normalization.ZERO_MEAN_UNIT_NORM);
    int n = filters.size();
    double total = 0;
    for (int b = 0; b < BATCH; b++) {
      double[] features = new double[OUT * OUT * n];
      for (int i = 0; i < OUT; i++) {
        for (int j = 0; j < OUT; j++) {
          for (int f = 0; f < n; f++) {
            double[] kernel = bank.kernel(f);
            double sum = 0;
            for (int di = 0; di < KERNEL; di++) {
              for (int dj = 0; dj < KERNEL; dj++) {
                sum += images[(b * IMAGE + i + di) * IMAGE + j + dj] * kernel[di * KERNEL + dj];
              }
            }
            features[(i * OUT + j) * n + f] = sum;
          }
        }
      }
      double[] logits = new double[CLASSES];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < CLASSES; c++) {
        logits[c] = bias[c];
        for (int k = 0; k < features.length; k++) {
          logits[c] += features[k] * dense[k * CLASSES + c];
        }
        max = Math.max(max, logits[c]);
      }
      double partition = 0;
      for (double l : logits) {
        partition += Math.exp(l - max);
      }
      total += -(logits[labels[b]] - max - Math.log(partition));
    }
    return total / BATCH;
  }
}
