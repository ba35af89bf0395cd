package io.gaborflow.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.Evaluation;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report says how the run was made: workers, batches, recipe and validation. */
class RunReportTest {
  private static TrainingResult result(List<EpochResult> epochs, int validationImages) {
    return new TrainingResult(
        "m",
        "d",
        TrainingConfig.builder().batchSize(64).build(),
        900,
        100,
        epochs,
        new Evaluation(0.5, 0.8, 100),
        10,
        5,
        false,
        validationImages);
  }

  @Test
  void aTwoWorkerRunReportsItsWorkersAndBothBatchSizes() {
    ObjectNode json =
        RunReport.toJson(
            result(List.of(new EpochResult(1, 1, 2, 1, 1, 0.8, 900)), 0),
            new RunReport.Context("recipe r: --epochs 1", 2));
    assertEquals(2, json.get("workers").asInt());
    assertEquals(64, json.get("global_batch").asInt());
    assertEquals(32, json.get("batch_per_worker").asInt());
    assertEquals("recipe r: --epochs 1", json.get("recipe").asText());
    assertFalse(json.has("best_validation_epoch"));
    assertFalse(json.get("epochs").get(0).has("validation_accuracy"));
  }

  @Test
  void theBestValidationEpochIsReportedWithItsTestAccuracy() {
    List<EpochResult> epochs =
        List.of(
            new EpochResult(1, 3, 2, 1, 1, 0.70, 900, 0, 0.9, 0.71, Map.of()),
            new EpochResult(2, 3, 2, 1, 1, 0.78, 900, 0, 0.8, 0.79, Map.of()),
            new EpochResult(3, 3, 2, 1, 1, 0.80, 900, 0, 0.85, 0.77, Map.of()));
    ObjectNode json = RunReport.toJson(result(epochs, 100), RunReport.Context.LOCAL);
    assertEquals(100, json.get("validation_images").asInt());
    assertEquals(2, json.get("best_validation_epoch").get("epoch").asInt());
    assertEquals(0.78, json.get("best_validation_epoch").get("test_accuracy").asDouble());
    assertEquals(0.77, json.get("epochs").get(2).get("validation_accuracy").asDouble());
    assertEquals(1, json.get("workers").asInt());
  }
}
