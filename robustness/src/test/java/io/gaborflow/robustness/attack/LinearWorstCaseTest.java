package io.gaborflow.robustness.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.robustness.attack.Attack.Norm;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a two-class linear model the worst image within ε in L∞ is known in closed form: every pixel
 * moved by ε against the sign of the weight difference between the true class and the other, which
 * lowers the margin by ε times that difference's L1 norm. FGSM and PGD must find exactly it.
 */
class LinearWorstCaseTest {
  private static final int SIZE = 6;
  private static final double EPSILON = 0.05;

  @Test
  void fgsmAndPgdReachTheAnalyticWorstCase(@TempDir Path dir) {
    NetworkSpec spec =
        Specs.network("linear", SIZE, 1, 2)
            .layer("flat", Specs.flatten())
            .layer("logits", Specs.logits(2))
            .build();
    Dataset raw = SyntheticData.stripes(SIZE, 2, 128, 48, 3);
    Dataset data = raw.standardized();
    Path export = dir.resolve("linear");
    try (ModelSession session =
        ModelSession.open(
            () -> spec, TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build())) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, export);
    }
    try (ExportedModel exported = ExportedModel.load(export)) {
      PixelSpaceModel model = new PixelSpaceModel(exported);
      ExportMetadata metadata = exported.metadata();
      int n = SIZE * SIZE;
      float[] kernel = exported.tensor("layer2.logits.kernel");
      float[] bias = exported.tensor("layer2.logits.bias");
      double mean = metadata.channelMean().get(0);
      double std = metadata.channelStd().get(0);

      ImageSamples test = raw.test();
      int count = test.size();
      float[] pixels = new float[count * n];
      int[] labels = new int[count];
      test.copyBatch(IntStream.range(0, count).toArray(), 0, count, pixels, labels);
      // Into 0.2..0.8, so that no pixel moved by ε meets the range's edge.
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = 0.2f + 0.6f * Math.max(0, Math.min(1, pixels[i]));
      }

      float[] worst = new float[pixels.length];
      int survive = 0;
      for (int image = 0; image < count; image++) {
        int y = labels[image];
        double margin = bias[y] - bias[1 - y];
        double l1 = 0;
        for (int i = 0; i < n; i++) {
          // The weight difference on pixel i in pixel space: through (x - mean) / std.
          double w = (kernel[i * 2 + y] - kernel[i * 2 + 1 - y]) / std;
          margin +=
              (kernel[i * 2 + y] - kernel[i * 2 + 1 - y]) * (pixels[image * n + i] - mean) / std;
          l1 += Math.abs(w);
          worst[image * n + i] = pixels[image * n + i] - (float) EPSILON * Math.signum((float) w);
        }
        survive += margin - EPSILON * l1 > 0 ? 1 : 0;
      }

      float[] fgsm = new Fgsm().perturb(model, pixels, labels, count, EPSILON, 1, 0);
      assertArrayEquals(worst, fgsm, 1e-6f);
      float[] pgd = Pgd.madry(Norm.LINF).perturb(model, pixels, labels, count, EPSILON, 1, 0);
      assertArrayEquals(worst, pgd, 1e-6f);

      int[] predicted = model.predict(fgsm, count);
      int correct = 0;
      for (int i = 0; i < count; i++) {
        correct += predicted[i] == labels[i] ? 1 : 0;
      }
      assertEquals(survive, correct);
      assertTrue(survive < count, "ε is large enough to flip some images: " + survive);
    }
  }
}
