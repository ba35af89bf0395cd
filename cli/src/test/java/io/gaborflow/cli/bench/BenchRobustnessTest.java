package io.gaborflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.npy.NpyWriter;
import io.gaborflow.robustness.AttackSetting;
import io.gaborflow.robustness.RecordedCorruptionEvaluation;
import io.gaborflow.robustness.RobustnessEvaluation;
import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.robustness.attack.Attack;
import io.gaborflow.robustness.attack.Pgd;
import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.robustness.corruption.Corruption;
import io.gaborflow.robustness.corruption.RecordedCorruptions;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --robustness}: each run is exported and evaluated on the same images, the figures
 * are each export's own, and the table shows them beside accuracy and speed-up; the VOneNet variant
 * keeps its layer's width and is attacked on averaged gradients.
 */
class BenchRobustnessTest {
  @TempDir Path dir;

  private static final Dataset DATA = SyntheticData.stripes(8, 2, 64, 24, 3);
  private static final BankNoise NOISE = new BankNoise(NoiseKind.POISSON, 0.3);

  private static RobustnessEvaluation.Settings settings(
      io.gaborflow.tensorflow.export.ExportMetadata model) {
    return new RobustnessEvaluation.Settings(
        List.of(Corruption.CONTRAST),
        List.of(3),
        List.of(new AttackSetting(Pgd.madry(Attack.Norm.LINF), List.of(2 / 255.0))),
        8,
        1,
        RobustnessEvaluation.Settings.gradientSamplesFor(model));
  }

  @Test
  void everyRunIsExportedEvaluatedAndReportedBesideItsAccuracy() throws IOException {
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build();
    List<BenchVariant> variants =
        List.of(new ShareVariant(0, 0), new ShareVariant(50, 0), ShareVariant.v1Stages(50, NOISE));
    Path exports = dir.resolve("exports");
    List<VariantResult> results =
        new Bench(
                BenchTest.TINY,
                variants,
                List.of(1L),
                config,
                new PrintStream(new ByteArrayOutputStream()))
            .measuringRobustness(
                new BenchRobustness(DATA.test(), BenchRobustnessTest::settings, exports))
            .run(DATA);

    FixedGaborBankSpec staged =
        (FixedGaborBankSpec)
            ((io.gaborflow.core.model.ConvLayerSpec)
                    variants.get(2).graph(BenchTest.TINY).spec().nodes().get(0).layer())
                .banks()
                .get(0);
    assertTrue(staged.complexCells());
    assertEquals(NOISE, staged.noise());
    for (VariantResult r : results) {
      assertEquals(1, r.robustness().size(), r.model());
      RobustnessReport report = r.robustness().get(0);
      assertEquals(DATA.test().size(), report.images());
      Path export = Bench.runFolder(exports, r.model(), 1);
      try (ExportedModel model = ExportedModel.load(export)) {
        // The clean accuracy is this export's own, not another run's.
        RobustnessReport again =
            RobustnessEvaluation.run(
                model,
                DATA.test(),
                new RobustnessEvaluation.Settings(List.of(), List.of(), List.of(), 8, 1, 1),
                (d, t, p) -> {});
        if (!model.metadata().stochastic()) {
          assertEquals(again.cleanAccuracy(), report.cleanAccuracy(), 1e-12, r.model());
        }
        assertEquals(
            model.metadata().stochastic() ? RobustnessEvaluation.STOCHASTIC_GRADIENT_SAMPLES : 1,
            report.gradientSamples(),
            r.model());
      }
    }
    assertTrue(
        results.get(2).robustness().get(0).gradientSamples() > 1, "the VOne variant is noisy");

    new BenchReport("tiny", "stripes", config, List.of(1L), results).writeAll(dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
    JsonNode vone = json.get("variants").get(2);
    assertEquals("tiny-fixed50-vone", vone.get("model").asText());
    assertEquals("poisson", vone.get("noise").asText());
    assertEquals(
        results.get(2).robustness().get(0).attackAccuracy("pgd-linf", 2 / 255.0).getAsDouble(),
        vone.get("robustness").get("accuracy").get("pgd-linf 2/255").asDouble(),
        1e-12);
    String md = Files.readString(dir.resolve("bench.md"));
    assertTrue(
        md.contains(
            "| variant | test accuracy | speedup | clean | mean corruption | pgd-linf 2/255 |"),
        md);
    assertTrue(md.contains("| 50% complex + poisson 0.3 |"), md);
  }

  @Test
  void cifar10cFilesTakeThePlaceOfComputedCorruptions() throws IOException {
    int rows = 5 * RecordedCorruptions.PER_SEVERITY;
    int pixels = 8 * 8;
    byte[] images = new byte[rows * pixels];
    byte[] labels = new byte[rows];
    Random random = new Random(5);
    random.nextBytes(images);
    for (int i = 0; i < rows; i++) {
      labels[i] = (byte) random.nextInt(2);
    }
    Path files = Files.createDirectories(dir.resolve("cifar10c"));
    try (OutputStream out = Files.newOutputStream(files.resolve("motion_blur.npy"))) {
      NpyWriter.writeBytes(out, new int[] {rows, 8, 8, 1}, images);
    }
    try (OutputStream out = Files.newOutputStream(files.resolve("labels.npy"))) {
      NpyWriter.writeBytes(out, new int[] {rows}, labels);
    }
    RecordedCorruptions recorded = RecordedCorruptions.in(files).requireImagesOf(8, 8, 1);
    Path exports = dir.resolve("exports");
    VariantResult result =
        new Bench(
                BenchTest.TINY,
                List.of(new ShareVariant(0, 0)),
                List.of(1L),
                TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build(),
                new PrintStream(new ByteArrayOutputStream()))
            .measuringRobustness(
                new BenchRobustness(
                    DATA.test(),
                    model -> settings(model).withoutCorruptions(),
                    exports,
                    Optional.of(recorded)))
            .run(DATA)
            .get(0);

    RobustnessReport report = result.robustness().get(0);
    assertTrue(report.corruptionSource().contains(files.toString()), report.corruptionSource());
    try (ExportedModel model = ExportedModel.load(Bench.runFolder(exports, result.model(), 1))) {
      // The export's accuracy on as many of each severity's first images as the bench evaluates.
      assertEquals(
          RecordedCorruptionEvaluation.run(
              new PixelSpaceModel(model),
              model.metadata(),
              recorded,
              List.of(3),
              DATA.test().size(),
              8,
              (d, t, p) -> {}),
          report.corruptions());
    }
  }
}
