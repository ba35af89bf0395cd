package io.gaborflow.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.robustness.attack.Attack;
import io.gaborflow.robustness.attack.Fgsm;
import io.gaborflow.robustness.attack.Pgd;
import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example images are the evaluation's own: its first images, attacked as it attacked them. */
class RobustnessExamplesTest {
  @Test
  void eachColumnIsTheImageAsTheEvaluationSawItWithTheModelsAnswer(@TempDir Path dir) {
    Dataset data = SyntheticData.stripes(12, 4, 96, 20, 5);
    try (ModelSession session =
        ModelSession.open(
            new SmallGaborNet(),
            TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build())) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, dir.resolve("m"));
    }
    double largest = 8 / 255.0;
    RobustnessEvaluation.Settings settings =
        new RobustnessEvaluation.Settings(
            List.of(),
            List.of(),
            List.of(
                new AttackSetting(new Fgsm(), List.of(2 / 255.0, largest)),
                new AttackSetting(Pgd.madry(Attack.Norm.LINF), List.of(largest))),
            10,
            3,
            1);
    try (ExportedModel model = ExportedModel.load(dir.resolve("m"))) {
      RobustnessExamples examples = RobustnessExamples.of(model, data.test(), settings, 4);
      assertEquals(List.of("clean", "fgsm ε=8/255", "pgd-linf ε=8/255"), examples.columns());
      assertEquals(4, examples.rows().size());
      PixelSpaceModel pixels = new PixelSpaceModel(model);
      // 20 test images, 4 examples: images 0, 5, 10 and 15.
      int[] spread = {0, 5, 10, 15};
      float[] all = new float[20 * 144];
      int[] labels = new int[20];
      data.test().copyBatch(java.util.stream.IntStream.range(0, 20).toArray(), 0, 20, all, labels);
      // As the evaluation attacks them: in a batch from image 0.
      float[] pgd = Pgd.madry(Attack.Norm.LINF).perturb(pixels, all, labels, 20, largest, 3, 0);
      for (int i = 0; i < 4; i++) {
        RobustnessExamples.Row row = examples.rows().get(i);
        int image = spread[i];
        assertEquals(labels[image], row.label());
        assertArrayEquals(
            java.util.Arrays.copyOfRange(all, image * 144, (image + 1) * 144), row.images().get(0));
        float[] evaluated = java.util.Arrays.copyOfRange(pgd, image * 144, (image + 1) * 144);
        for (int p = 0; p < 144; p++) {
          assertEquals(
              evaluated[p],
              row.images().get(2)[p],
              1e-5,
              "the evaluation's random start and steps for image " + image);
        }
        for (int c = 0; c < 3; c++) {
          assertEquals(
              pixels.predict(row.images().get(c), 1)[0], row.predicted().get(c), "answer " + c);
          double change = 0;
          for (int p = 0; p < 144; p++) {
            // The stripes' noise leaves 0..1, which the attacks clip to: compare with the clipped
            // image (clipping moves no value further apart).
            float clean = Math.max(0, Math.min(1, row.images().get(0)[p]));
            change = Math.max(change, Math.abs(row.images().get(c)[p] - clean));
          }
          if (c > 0) {
            assertTrue(
                change <= largest + 1e-6, "within the budget: " + change + " in column " + c);
          }
        }
      }
    }
  }
}
