package io.gaborflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.robustness.attack.Attack;
import io.gaborflow.robustness.attack.Fgsm;
import io.gaborflow.robustness.attack.Pgd;
import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.robustness.corruption.Corruption;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustnessEvaluationTest {
  @Test
  void figuresAreTheModelsOwnOverEveryImageAndProgressReachesTheTotal(@TempDir Path dir) {
    Dataset data = SyntheticData.stripes(12, 4, 128, 45, 9);
    Path export = dir.resolve("model");
    try (ModelSession session =
        ModelSession.open(
            new SmallGaborNet(),
            TrainingConfig.builder().epochs(2).batchSize(16).threads(1).build())) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, export);
    }
    ImageSamples test = data.test();
    try (ExportedModel model = ExportedModel.load(export)) {
      RobustnessEvaluation.Settings settings =
          new RobustnessEvaluation.Settings(
              List.of(Corruption.CONTRAST, Corruption.SATURATE),
              List.of(2, 5),
              List.of(
                  new AttackSetting(new Fgsm(), List.of(0.0, 0.2)),
                  new AttackSetting(Pgd.madry(Attack.Norm.L2), List.of(0.0))),
              // 45 images in batches of 7: the last batch is short
              7,
              3,
              1);
      List<long[]> progress = new ArrayList<>();
      RobustnessReport report =
          RobustnessEvaluation.run(
              model, test, settings, (done, total, part) -> progress.add(new long[] {done, total}));

      int[] predicted = new PixelSpaceModel(model).predict(pixels(test), test.size());
      int correct = 0;
      for (int i = 0; i < test.size(); i++) {
        correct += predicted[i] == test.label(i) ? 1 : 0;
      }
      assertEquals((double) correct / test.size(), report.cleanAccuracy());
      assertEquals(45, report.images());
      assertEquals(report.cleanAccuracy(), report.attackAccuracy("fgsm", 0).orElseThrow());
      assertEquals(report.cleanAccuracy(), report.attackAccuracy("pgd-l2", 0).orElseThrow());
      assertTrue(report.attackAccuracy("fgsm", 0.2).orElseThrow() < report.cleanAccuracy());
      assertEquals(List.of("contrast"), corruptionsMeasured(report));
      assertEquals(2, report.corruptions().size());
      assertTrue(report.notApplicable().get(0).startsWith("saturate"));

      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i)[0] > progress.get(i - 1)[0]);
      }
      long[] last = progress.get(progress.size() - 1);
      assertEquals(last[1], last[0]);
    }
  }

  @Test
  void testImagesOfAnotherShapeAreRefusedNamingBoth(@TempDir Path dir) {
    Dataset data = SyntheticData.stripes(12, 4, 32, 8, 9);
    Path export = dir.resolve("model");
    try (ModelSession session =
        ModelSession.open(
            new SmallGaborNet(),
            TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build())) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, export);
    }
    try (ExportedModel model = ExportedModel.load(export)) {
      ImageSamples other = SyntheticData.stripes(10, 4, 8, 8, 1).test();
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  RobustnessEvaluation.run(
                      model, other, RobustnessEvaluation.Settings.defaults(), (d, t, p) -> {}));
      assertEquals(
          "the test images are 10x10x1 but model small-gabor-net takes 12x12x1; give the data it"
              + " was trained on",
          e.getMessage());
    }
  }

  private static List<String> corruptionsMeasured(RobustnessReport report) {
    return report.corruptions().stream()
        .map(RobustnessReport.CorruptionResult::corruption)
        .distinct()
        .toList();
  }

  private static float[] pixels(ImageSamples test) {
    float[] pixels = new float[test.size() * test.pixelsPerImage()];
    test.copyBatch(
        IntStream.range(0, test.size()).toArray(), 0, test.size(), pixels, new int[test.size()]);
    return pixels;
  }
}
