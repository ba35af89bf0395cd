package io.gaborflow.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gaborflow.core.FilterSupplier;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.FixedTensorBankSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.tensorflow.data.ChannelStandardization;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of network gaborflow declares, trained briefly and exported, then written as ONNX:
 * ONNX Runtime's probabilities for raw pixels equal gaborflow's for the same images prepared as
 * training prepared them, to 1e-4.
 */
class OnnxRuntimeMatchesGaborflowTest {
  static final int IMAGES = 64;
  private static final double TOLERANCE = 1e-4;

  @TempDir Path dir;

  static Stream<ModelGraph> networks() {
    NetworkSpec gaborLeNet = ModelCatalog.graph("gabor-lenet").spec();
    NetworkSpec gaborNiN = ModelCatalog.graph("gabor-nin").spec();
    return Stream.concat(
        Stream.of(
                "lenet",
                "gabor-lenet",
                "nin",
                "gabor-nin",
                "resnet20",
                "gabor-resnet20",
                "gabor-resnet20-shared",
                "gabor-resnet20-stage1",
                "gabor-resnet20-basis")
            .map(ModelCatalog::graph),
        Stream.of(
                NetworkVariants.withParametricGabor(gaborLeNet),
                NetworkVariants.withGaborTraining(gaborLeNet, 1),
                NetworkVariants.withV1Stages(gaborLeNet, BankNoise.NONE),
                NetworkVariants.withV1Stages(gaborNiN, BankNoise.NONE),
                withGivenFilters(gaborLeNet))
            .map(ModelGraph::of));
  }

  /** A user's own fixed filters: a supplier's values, the same for every run. */
  public static final class GivenFilters implements FilterSupplier {
    @Override
    public int[] shape() {
      return new int[] {5, 5, 1, 10};
    }

    @Override
    public float[] values() {
      Random random = new Random(17);
      float[] values = new float[5 * 5 * 10];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian() * 0.2f;
      }
      return values;
    }
  }

  /** {@code spec} with its first Gabor bank replaced by {@link GivenFilters}. */
  private static NetworkSpec withGivenFilters(NetworkSpec spec) {
    boolean[] replaced = {false};
    return spec.mapConvLayers(
            conv ->
                conv.withBanks(
                    conv.banks().stream()
                        .map(
                            bank -> {
                              if (!replaced[0]
                                  && bank.filters() == 10
                                  && !(bank instanceof LearnableBankSpec)) {
                                replaced[0] = true;
                                return (BankSpec)
                                    FixedTensorBankSpec.supplier(
                                        bank.name(), GivenFilters.class, 10);
                              }
                              return bank;
                            })
                        .toList()))
        .withModelName("gabor-lenet-given");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void onnxRuntimeGivesGaborflowsProbabilities(ModelGraph network) throws Exception {
    Path export = dir.resolve("export");
    Dataset data = data(network.spec(), 7);
    TrainingConfig config =
        TrainingConfig.builder().epochs(2).batchSize(32).threads(2).seed(3).build();
    ModelTrainer.of(network, config, data).train(RunOptions.exportTo(export));

    float[] pixels = pixels(network.spec(), data.standardization(), IMAGES, 11);
    Path file = dir.resolve("model.onnx");
    float[] expected;
    OnnxExport.Written written;
    try (ExportedModel model = ExportedModel.load(export)) {
      written = OnnxExport.write(model, file, OnnxExport.Options.defaults());
      expected = model.predict(prepared(pixels, model.metadata()), IMAGES);
    }
    float[] actual = run(file, pixels, network.spec(), false);
    assertEquals(expected.length, actual.length);
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(worst <= TOLERANCE, network.modelName() + ": largest difference " + worst);
    // The images must lead to different answers, or equal answers would prove little.
    assertTrue(
        spread(expected, network.spec().classes()) > 0.1,
        network.modelName() + ": answers hardly depend on the image");
    assertTrue(written.bytes() > 0 && written.fixedBankBytes() < written.bytes());
  }

  /** The largest range of one class's probability over the images. */
  static double spread(float[] probabilities, int classes) {
    double widest = 0;
    for (int k = 0; k < classes; k++) {
      double low = 1;
      double high = 0;
      for (int i = k; i < probabilities.length; i += classes) {
        low = Math.min(low, probabilities[i]);
        high = Math.max(high, probabilities[i]);
      }
      widest = Math.max(widest, high - low);
    }
    return widest;
  }

  /** Probabilities from ONNX Runtime for NHWC pixels 0..255. */
  static float[] run(Path file, float[] pixels, NetworkSpec spec, boolean nchw)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int h = spec.input().height();
    int w = spec.input().width();
    int c = spec.input().channels();
    long[] shape = nchw ? new long[] {IMAGES, c, h, w} : new long[] {IMAGES, h, w, c};
    try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
        OnnxTensor images = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), shape);
        OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, images))) {
      float[][] rows = (float[][]) result.get(0).getValue();
      float[] flat = new float[rows.length * rows[0].length];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
      }
      return flat;
    }
  }

  /**
   * Pixel values on the 0..255 scale of images like the training images: what, scaled and
   * standardised with {@code standardization}, gives such an image.
   */
  static float[] pixels(
      NetworkSpec spec, ChannelStandardization standardization, int count, long seed) {
    ImageSet images = images(spec, count, seed);
    int channels = spec.input().channels();
    float[] values = new float[count * spec.input().elements()];
    images.copyBatch(
        java.util.stream.IntStream.range(0, count).toArray(), 0, count, values, new int[count]);
    for (int i = 0; i < values.length; i++) {
      int c = i % channels;
      values[i] =
          (float)
              (255 * (values[i] * standardization.std().get(c) + standardization.mean().get(c)));
    }
    return values;
  }

  /** What gaborflow's model takes: scaled and standardised as training did. */
  static float[] prepared(float[] pixels, ExportMetadata metadata) {
    float[] prepared = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      prepared[i] = (float) (pixels[i] * metadata.pixelScale());
    }
    metadata.standardize(prepared);
    return prepared;
  }

  /**
   * Random images in the network's shape, with a standardisation that is not the identity, so that
   * the ONNX model's own preprocessing counts.
   */
  static Dataset data(NetworkSpec spec, long seed) {
    int h = spec.input().height();
    int w = spec.input().width();
    int c = spec.input().channels();
    ImageSet train = images(spec, 512, seed);
    ImageSet test = images(spec, 32, seed + 1);
    List<Double> mean = Stream.iterate(0.4, m -> m + 0.05).limit(c).toList();
    List<Double> std = Stream.iterate(0.25, s -> s + 0.02).limit(c).toList();
    assertEquals(h * w * c, spec.input().elements());
    return new Dataset(
        "random", train, test, spec.classes(), List.of(), new ChannelStandardization(mean, std));
  }

  private static ImageSet images(NetworkSpec spec, int count, long seed) {
    Random random = new Random(seed);
    float[] values = new float[count * spec.input().elements()];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = random.nextInt(spec.classes());
      for (int p = 0; p < spec.input().elements(); p++) {
        values[i * spec.input().elements() + p] =
            (float) (random.nextGaussian() * 0.3 + 0.3 * labels[i] - 1);
      }
    }
    return new ImageSet(
        values, labels, spec.input().height(), spec.input().width(), spec.input().channels());
  }
}
