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
      float[] four = new float[4 * 144];
      int[] labels = new int[4];
      data.test().copyBatch(new int[] {0, 1, 2, 3}, 0, 4, four, labels);
      float[] pgd = Pgd.madry(Attack.Norm.LINF).perturb(pixels, four, labels, 4, largest, 3, 0);
      for (int i = 0; i < 4; i++) {
        RobustnessExamples.Row row = examples.rows().get(i);
        assertEquals(labels[i], row.label());
        assertArrayEquals(
            java.util.Arrays.copyOfRange(four, i * 144, (i + 1) * 144), row.images().get(0));
        assertArrayEquals(
            java.util.Arrays.copyOfRange(pgd, i * 144, (i + 1) * 144),
            row.images().get(2),
            "the evaluation's random start and steps for image " + i);
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
