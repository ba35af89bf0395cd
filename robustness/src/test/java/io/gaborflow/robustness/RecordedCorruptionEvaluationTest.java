package io.gaborflow.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.npy.NpyWriter;
import io.gaborflow.robustness.RobustnessReport.CorruptionResult;
import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.robustness.corruption.RecordedCorruptions;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CIFAR-10-C's own files: each severity's block of 10,000 images is read with the labels of the
 * same block, and the accuracy is the model's on exactly those images.
 */
class RecordedCorruptionEvaluationTest {
  private static final int SIZE = 12;
  private static final int ROWS = 5 * RecordedCorruptions.PER_SEVERITY;

  @TempDir Path dir;

  /** A CIFAR-10-C-like file of uint8 values. */
  private static void write(Path file, int[] shape, byte[] data) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      NpyWriter.writeBytes(out, shape, data);
    }
  }

  @Test
  void eachSeverityIsItsOwnBlockOfImagesAndLabels() throws IOException {
    Dataset data = SyntheticData.stripes(SIZE, 4, 128, 32, 5);
    try (ModelSession session =
        ModelSession.open(
            new SmallGaborNet(),
            TrainingConfig.builder().epochs(2).batchSize(16).threads(1).build())) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, dir.resolve("model"));
    }
    Path files = dir.resolve("cifar10c");
    Files.createDirectories(files);
    Random random = new Random(3);
    byte[] images = new byte[ROWS * SIZE * SIZE];
    random.nextBytes(images);
    byte[] labels = new byte[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = (byte) random.nextInt(4);
    }
    write(files.resolve("zoom_blur.npy"), new int[] {ROWS, SIZE, SIZE, 1}, images);
    write(files.resolve("labels.npy"), new int[] {ROWS}, labels);

    try (ExportedModel model = ExportedModel.load(dir.resolve("model"))) {
      PixelSpaceModel pixels = new PixelSpaceModel(model);
      List<CorruptionResult> results =
          RecordedCorruptionEvaluation.run(
              pixels,
              model.metadata(),
              RecordedCorruptions.in(files),
              List.of(2, 5),
              60,
              25,
              (d, t, p) -> {});
      assertEquals(2, results.size());
      for (CorruptionResult r : results) {
        assertEquals("zoom_blur", r.corruption());
        assertEquals("blur", r.kind());
        int first = (r.severity() - 1) * RecordedCorruptions.PER_SEVERITY;
        float[] block = new float[60 * SIZE * SIZE];
        for (int i = 0; i < block.length; i++) {
          block[i] = (images[first * SIZE * SIZE + i] & 0xff) / 255f;
        }
        int[] predicted = pixels.predict(block, 60);
        int correct = 0;
        for (int i = 0; i < 60; i++) {
          correct += predicted[i] == labels[first + i] ? 1 : 0;
        }
        assertEquals(correct / 60.0, r.accuracy(), 1e-12, "severity " + r.severity());
      }
      IllegalArgumentException wrongSize =
          assertThrows(
              IllegalArgumentException.class,
              () -> RecordedCorruptions.in(files).images("zoom_blur", 1, 0, 2, 32, 32, 3));
      assertTrue(
          wrongSize
              .getMessage()
              .endsWith("holds images of shape [2, 12, 12, 1], but the model takes 32x32x3"),
          wrongSize.getMessage());
      // Before a run, from the headers alone.
      IllegalArgumentException early =
          assertThrows(
              IllegalArgumentException.class,
              () -> RecordedCorruptions.in(files).requireImagesOf(32, 32, 3));
      assertEquals(
          files.resolve("zoom_blur.npy")
              + " holds images of shape [50000, 12, 12, 1], but the model takes 32x32x3",
          early.getMessage());

      // In a report: the computed corruptions' place, the source said, the clean figures kept.
      RobustnessEvaluation.Settings attacksOnly =
          new RobustnessEvaluation.Settings(List.of(), List.of(2, 5), List.of(), 25, 1, 1);
      RobustnessReport clean =
          RobustnessEvaluation.run(model, data.test(), attacksOnly, (d, t, p) -> {});
      RobustnessReport report =
          RecordedCorruptionEvaluation.into(
              clean, model, RecordedCorruptions.in(files), 60, attacksOnly, (d, t, p) -> {});
      assertEquals(results, report.corruptions());
      assertEquals(clean.cleanAccuracy(), report.cleanAccuracy());
      assertEquals(
          "CIFAR-10-C's files in " + files + ", the first 60 images of each severity",
          report.corruptionSource());
    }
    IllegalArgumentException noLabels =
        assertThrows(IllegalArgumentException.class, () -> RecordedCorruptions.in(dir));
    assertEquals(
        dir + " has no labels.npy; give the folder CIFAR-10-C unpacks to", noLabels.getMessage());
  }
}
