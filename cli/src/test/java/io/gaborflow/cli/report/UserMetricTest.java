package io.gaborflow.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaborflow.cli.progress.ConsoleProgress;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.summary.TensorBoardListener;
import io.gaborflow.tensorflow.testing.EventFiles;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.Metric;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric of the user's own, written in Java in a few lines, is reported wherever loss and
 * accuracy are: the console's epoch lines, the JSON report and TensorBoard, for the validation and
 * the test split.
 */
class UserMetricTest {
  private static final int CLASSES = 4;
  private static final Dataset DATA =
      SyntheticData.stripes(12, CLASSES, 96, 32, 3).withValidation(16, 1);

  /** The user's metric: how often the true class is among the two most probable. */
  private static final Metric TOP_TWO =
      Metric.meanOverImages(
          "top_two",
          (probabilities, label) -> {
            int above = 0;
            for (float p : probabilities) {
              above += p > probabilities[label] ? 1 : 0;
            }
            return above < 2 ? 1 : 0;
          });

  @Test
  void aUsersMetricReachesTheConsoleTheJsonReportAndTensorBoard(@TempDir Path dir) {
    TrainingConfig config =
        TrainingConfig.builder().epochs(2).batchSize(16).seed(2).threads(1).build();
    RunOptions options =
        RunOptions.builder()
            .metric(TOP_TWO)
            .metric(Metric.topK(1))
            .metric(Metric.topK(CLASSES))
            .build();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    TrainingResult result;
    Path events;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config);
        TensorBoardListener board = new TensorBoardListener(dir.resolve("tb"))) {
      result =
          ModelTrainer.of(session.model(), config, DATA)
              .train(session, options, List.of(ConsoleProgress.forConsole(), board));
      events = board.file();
    } finally {
      System.setOut(out);
    }

    String lines = console.toString(StandardCharsets.UTF_8);
    for (EpochResult epoch : result.epochs()) {
      String line = epoch.summary();
      assertTrue(lines.contains(line), lines);
      assertTrue(
          line.contains(
              String.format(
                  ", validation top_two %.4f", epoch.metrics().get("validation/top_two"))),
          line);
      assertTrue(
          line.contains(String.format(", test top_two %.4f", epoch.metrics().get("test/top_two"))),
          line);
      // The metrics are computed from the probabilities, apart from the graph's own accuracy.
      assertEquals(epoch.testAccuracy(), epoch.metrics().get("test/top1_accuracy"), 1e-9);
      assertEquals(
          epoch.validationAccuracy(), epoch.metrics().get("validation/top1_accuracy"), 1e-9);
      assertEquals(1.0, epoch.metrics().get("test/top" + CLASSES + "_accuracy"), 1e-9);
      double topTwo = epoch.metrics().get("test/top_two");
      assertTrue(topTwo >= epoch.testAccuracy() && topTwo <= 1, "top two " + topTwo);
    }

    JsonNode json = RunReport.toJson(result, RunReport.Context.LOCAL);
    for (int e = 0; e < 2; e++) {
      JsonNode epoch = json.get("epochs").get(e);
      Map<String, Double> metrics = result.epochs().get(e).metrics();
      assertEquals(metrics.get("test/top_two"), epoch.get("test_top_two").asDouble(), 1e-12);
      assertEquals(
          metrics.get("validation/top_two"), epoch.get("validation_top_two").asDouble(), 1e-12);
    }
    assertEquals(
        result.epochs().get(1).metrics().get("test/top_two"),
        json.get("test_top_two").asDouble(),
        1e-12);

    Map<String, List<double[]>> scalars = EventFiles.scalars(EventFiles.events(events));
    for (String tag : List.of("test/top_two", "validation/top_two")) {
      List<double[]> points = scalars.get(tag);
      assertEquals(2, points == null ? 0 : points.size(), tag + " in " + scalars.keySet());
      for (int e = 0; e < 2; e++) {
        assertEquals(result.epochs().get(e).metrics().get(tag), points.get(e)[1], 1e-6, tag);
      }
    }
  }

  @Test
  void aMetricNamedLikeAnotherOrABuiltInFigureIsRefused() {
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunOptions.builder().metric(TOP_TWO).metric(TOP_TWO).build());
    assertTrue(twice.getMessage().contains("top_two"), twice.getMessage());
    IllegalArgumentException builtIn =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RunOptions.builder()
                    .metric(Metric.meanOverImages("accuracy", (p, label) -> 1))
                    .build());
    assertTrue(builtIn.getMessage().contains("accuracy"), builtIn.getMessage());
    IllegalArgumentException badName =
        assertThrows(
            IllegalArgumentException.class, () -> Metric.meanOverImages("Top 2", (p, label) -> 1));
    assertTrue(badName.getMessage().contains("Top 2"), badName.getMessage());
  }
}
