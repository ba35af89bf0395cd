package io.gaborflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Time to a target accuracy: from a run's epochs, over seeds, and in the bench's report. */
class TimeToAccuracyTest {
  private static EpochResult epoch(int n, double seconds, double test, double validation) {
    return new EpochResult(n, 3, seconds, 1, 1, test, 100, 0, 1, validation, Map.of());
  }

  @Test
  void aCurveCountsTrainingSecondsAndWatchesTheValidationSplit() {
    TrainingCurve curve =
        TrainingCurve.of(
            List.of(epoch(1, 10, 0.9, 0.5), epoch(2, 12, 0.3, 0.8), epoch(3, 11, 0.9, 0.7)));
    assertTrue(curve.validation());
    assertEquals(List.of(10.0, 22.0, 33.0), curve.seconds());
    assertEquals(22.0, curve.secondsTo(0.75).getAsDouble(), "the first epoch to reach it");
    assertEquals(10.0, curve.secondsTo(0.5).getAsDouble(), "reaching is at least, not above");
    assertFalse(curve.secondsTo(0.81).isPresent());
  }

  @Test
  void withoutAValidationSplitTheCurveIsOnTheTestSplit() {
    TrainingCurve curve =
        TrainingCurve.of(
            List.of(
                new EpochResult(1, 2, 5, 1, 1, 0.6, 100),
                new EpochResult(2, 2, 5, 1, 1, 0.7, 100)));
    assertFalse(curve.validation());
    assertEquals(10.0, curve.secondsTo(0.65).getAsDouble());
  }

  private static VariantResult variant(int percent, TrainingCurve... curves) {
    return new VariantResult(
        new ShareVariant(percent, 0),
        "m" + percent,
        null,
        List.of(0.9),
        List.of(1.0),
        List.of(curves));
  }

  @Test
  void aVariantReachesTheTargetOnlyWhenEverySeedDoes() {
    TrainingCurve reaches = new TrainingCurve(List.of(5.0, 10.0), List.of(0.7, 0.9), true);
    TrainingCurve later = new TrainingCurve(List.of(6.0, 12.0, 18.0), List.of(0.6, 0.8, 0.9), true);
    TrainingCurve never = new TrainingCurve(List.of(5.0, 10.0), List.of(0.7, 0.8), true);
    assertEquals(18.0, variant(0, reaches, later, later).medianSecondsTo(0.85));
    assertTrue(Double.isNaN(variant(0, reaches, never).medianSecondsTo(0.85)));
  }

  @Test
  void theReportNamesTheVariantThatGetsThereFirst() {
    VariantResult learned =
        variant(0, new TrainingCurve(List.of(10.0, 20.0), List.of(0.7, 0.86), true));
    VariantResult gabor =
        variant(50, new TrainingCurve(List.of(7.0, 14.0), List.of(0.72, 0.85), true));
    BenchReport report =
        new BenchReport(
            "m",
            "data",
            TrainingConfig.builder().build(),
            List.of(1L),
            List.of(
                learned.withFigures(BenchTest.figures(0)),
                gabor.withFigures(BenchTest.figures(50))),
            0.85);
    String md = report.markdown();
    assertTrue(md.contains("First to 0.8500: " + new ShareVariant(50, 0).label()), md);
    JsonNode json = report.json();
    assertEquals(
        0.85, json.get("variants").get(0).get("time_to_accuracy").get("target").asDouble());
    assertEquals("fp32", json.get("config").get("precision").asText(), "every setting is reported");
    JsonNode times = json.get("variants");
    assertEquals(20.0, times.get(0).get("time_to_accuracy").get("median_seconds").asDouble());
    assertEquals(14.0, times.get(1).get("time_to_accuracy").get("median_seconds").asDouble());
    assertEquals(
        20.0 / 14.0,
        times.get(1).get("time_to_accuracy").get("speedup_vs_baseline").asDouble(),
        1e-9);
  }
}
