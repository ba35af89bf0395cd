package io.gaborflow.tensorflow.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import io.gaborflow.tensorflow.testing.Softmax;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported model, loaded back, predicts what the trained session predicts. */
class ExportTest {
  @TempDir Path dir;

  @Test
  void reloadedModelGivesTheSameProbabilities() {
    TrainingConfig config =
        TrainingConfig.builder().epochs(1).batchSize(16).seed(4).threads(2).build();
    Dataset data = SyntheticData.stripes(12, 4, 96, 32, 8);
    int n = 32;
    float[] images = firstTestImages(data, n);

    float[] logits;
    Path export = dir.resolve("model");
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      Runs.train(session, data, TrainingListener.silent());
      logits = session.logits(images, n);
      ModelExport.write(session.servable(), data, export);
    }
    try (ExportedModel model = ExportedModel.load(export)) {
      float[] probabilities = model.predict(images, n);
      assertEquals(n * 4, probabilities.length);
      for (int i = 0; i < n; i++) {
        float[] expected = Softmax.floats(Arrays.copyOfRange(logits, i * 4, i * 4 + 4));
        assertArrayEquals(expected, Arrays.copyOfRange(probabilities, i * 4, i * 4 + 4), 1e-5f);
      }
      ExportMetadata meta = model.metadata();
      assertEquals("small-gabor-net", meta.model());
      assertEquals(
          List.of("layer1/gabor_a", "layer1/learned_a", "layer3/gabor_b", "layer3/learned_b"),
          meta.banks().stream().map(ExportMetadata.Bank::name).toList());
      assertEquals(
          List.of("fixed", "learned", "fixed", "learned"),
          meta.banks().stream().map(ExportMetadata.Bank::kind).toList());
      assertEquals(3 * 3 * 1 * 4, model.tensor(meta.banks().get(0).tensor()).length);
    }
  }

  /**
   * Batch normalisation exports in inference mode: the moving statistics, as evaluation uses them.
   */
  @Test
  void aResidualNetWithBatchNormalisationPredictsWhatItsSessionEvaluates() {
    TrainingConfig config =
        TrainingConfig.builder().epochs(2).batchSize(16).seed(6).threads(2).build();
    Dataset data = SyntheticData.stripes(12, 4, 96, 32, 8);
    int n = 32;
    float[] images = firstTestImages(data, n);
    float[] logits;
    float[] oneImage;
    Path export = dir.resolve("residual");
    try (ModelSession session = ModelSession.open(new SmallResidualNet(), config)) {
      Runs.train(session, data, TrainingListener.silent());
      logits = session.logits(images, n);
      oneImage = session.logits(Arrays.copyOf(images, 144), 1);
      ModelExport.write(session.servable(), data, export);
    }
    assertArrayEquals(
        Arrays.copyOf(logits, 4),
        oneImage,
        1e-5f,
        "inference normalises with the moving statistics, so an image's logits do not depend on its batch");
    try (ExportedModel model = ExportedModel.load(export)) {
      float[] probabilities = model.predict(images, n);
      for (int i = 0; i < n; i++) {
        float[] expected = Softmax.floats(Arrays.copyOfRange(logits, i * 4, i * 4 + 4));
        assertArrayEquals(expected, Arrays.copyOfRange(probabilities, i * 4, i * 4 + 4), 1e-5f);
      }
    }
  }

  @Test
  void predictFromEightThreadsGivesWhatOneThreadGives() throws Exception {
    TrainingConfig config =
        TrainingConfig.builder().epochs(1).batchSize(16).seed(6).threads(2).build();
    Dataset data = SyntheticData.stripes(12, 4, 64, 32, 8);
    Path export = dir.resolve("model");
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      Runs.train(session, data, TrainingListener.silent());
      ModelExport.write(session.servable(), data, export);
    }
    int n = 32;
    float[] images = firstTestImages(data, n);
    try (ExportedModel model = ExportedModel.load(export)) {
      float[][] single = new float[n][];
      for (int i = 0; i < n; i++) {
        single[i] = model.predict(Arrays.copyOfRange(images, i * 144, (i + 1) * 144), 1);
      }
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<float[]>> futures = new java.util.ArrayList<>();
        for (int round = 0; round < 20; round++) {
          for (int i = 0; i < n; i++) {
            int image = i;
            futures.add(
                pool.submit(
                    () ->
                        model.predict(
                            Arrays.copyOfRange(images, image * 144, (image + 1) * 144), 1)));
          }
        }
        for (int k = 0; k < futures.size(); k++) {
          assertArrayEquals(single[k % n], futures.get(k).get(), "image " + (k % n));
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  /** The first {@code n} test images of {@code data}, NHWC. */
  private static float[] firstTestImages(Dataset data, int n) {
    float[] images = new float[n * data.test().pixelsPerImage()];
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    data.test().copyBatch(order, 0, n, images, new int[n]);
    return images;
  }
}
