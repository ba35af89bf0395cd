package io.gaborflow.tensorflow.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.testing.EventFiles;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/** The event file read back: the format version first, then a point per step or epoch. */
class TensorBoardListenerTest {
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 96, 16, 3).withValidation(16, 1);

  /** Every scalar of the file, by tag, as (step, value) pairs in file order. */
  private static Map<String, List<double[]>> scalars(Path file, List<Event> events) {
    events.addAll(EventFiles.events(file));
    return EventFiles.scalars(events);
  }

  @Test
  void aRunWritesAPointPerStepAndPerEpoch(@TempDir Path dir) {
    TrainingConfig config =
        TrainingConfig.builder().epochs(2).batchSize(16).seed(2).threads(1).build();
    TrainingResult result;
    Path file;
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config);
        TensorBoardListener board = new TensorBoardListener(dir.resolve("tb"))) {
      result = Runs.train(session, DATA, board);
      file = board.file();
    }
    List<Event> events = new ArrayList<>();
    Map<String, List<double[]>> scalars = scalars(file, events);
    assertEquals("brain.Event:2", events.get(0).getFileVersion());
    int steps = 80 / 16;
    List<double[]> loss = scalars.get("train/loss");
    assertEquals(2 * steps, loss.size());
    for (int s = 0; s < loss.size(); s++) {
      assertEquals(s, loss.get(s)[0], "step index of point " + s);
    }
    List<double[]> accuracy = scalars.get("validation/accuracy");
    assertEquals(2, accuracy.size());
    assertEquals(steps - 1, accuracy.get(0)[0]);
    assertEquals(2 * steps - 1, accuracy.get(1)[0]);
    assertEquals(
        (float) result.epochs().get(1).validationAccuracy(), (float) accuracy.get(1)[1], 0f);
    assertEquals(
        (float) result.epochs().get(0).testAccuracy(),
        (float) scalars.get("test/accuracy").get(0)[1],
        0f);
    // SmallGaborNet's four banks: an image each per epoch, a PNG of the size the event says.
    List<Summary.Value> images =
        events.stream()
            .flatMap(e -> e.getSummary().getValueList().stream())
            .filter(Summary.Value::hasImage)
            .toList();
    assertEquals(2 * 4, images.size());
    assertEquals("filters/layer1/gabor_a", images.get(0).getTag());
    Summary.Image first = images.get(0).getImage();
    java.awt.image.BufferedImage decoded = decode(first.getEncodedImageString().toByteArray());
    assertEquals(first.getHeight(), decoded.getHeight());
    assertEquals(first.getWidth(), decoded.getWidth());
    List<Summary.Value> histograms =
        events.stream()
            .flatMap(e -> e.getSummary().getValueList().stream())
            .filter(Summary.Value::hasHisto)
            .toList();
    assertEquals(2 * 3, histograms.size(), "the two learned banks' and the dense kernel, twice");
    assertTrue(scalars.containsKey("train/learning_rate"), scalars.keySet().toString());
    assertTrue(scalars.containsKey("epoch/input_wait_seconds"), scalars.keySet().toString());
  }

  /**
   * TensorBoard's own reader (Python) sees what the Java reader sees: a point per step for the
   * training scalars, one per epoch for the others, the images and histograms. Runs where {@code
   * GABORFLOW_TENSORBOARD_PYTHON} names a Python with the {@code tensorboard} package.
   */
  @Test
  void tensorBoardsOwnReaderListsAPointPerStepOrEpoch(@TempDir Path dir) throws Exception {
    String python = System.getenv("GABORFLOW_TENSORBOARD_PYTHON");
    Assumptions.assumeTrue(
        python != null, "GABORFLOW_TENSORBOARD_PYTHON is not set: TensorBoard's reader skipped");
    TrainingConfig config =
        TrainingConfig.builder().epochs(2).batchSize(16).seed(2).threads(1).build();
    Path board = dir.resolve("tb");
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config);
        TensorBoardListener listener = new TensorBoardListener(board)) {
      Runs.train(session, DATA, listener);
    }
    Process reader =
        new ProcessBuilder(
                python,
                Path.of("..", "bench", "check-tensorboard-events.py").toString(),
                board.toString(),
                "--json")
            .redirectErrorStream(true)
            .start();
    String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(reader.waitFor(120, TimeUnit.SECONDS), "TensorBoard's reader did not finish");
    assertEquals(0, reader.exitValue(), output);
    JsonNode steps = new ObjectMapper().readTree(output);
    int perEpoch = 80 / 16;
    List<Integer> everyStep = java.util.stream.IntStream.range(0, 2 * perEpoch).boxed().toList();
    List<Integer> epochEnds = List.of(perEpoch - 1, 2 * perEpoch - 1);
    for (String tag : List.of("train/loss", "train/learning_rate", "train/images_per_second")) {
      assertEquals(everyStep, ints(steps.path("scalars").path(tag)), tag);
    }
    for (String tag :
        List.of(
            "validation/accuracy",
            "validation/loss",
            "test/accuracy",
            "test/loss",
            "epoch/input_wait_seconds")) {
      assertEquals(epochEnds, ints(steps.path("scalars").path(tag)), tag);
    }
    assertEquals(4, steps.path("images").size(), steps.path("images").toString());
    steps.path("images").forEach(points -> assertEquals(epochEnds, ints(points)));
    assertEquals(3, steps.path("histograms").size(), steps.path("histograms").toString());
    steps.path("histograms").forEach(points -> assertEquals(epochEnds, ints(points)));
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }

  @Test
  void aHistogramCountsEveryValueInItsBuckets() {
    float[] values = {-1f, -0.5f, 0f, 0.5f, 1f, 1f};
    var histogram = EventFileWriter.Histograms.of(values);
    assertEquals(6, histogram.getNum(), 0);
    assertEquals(-1, histogram.getMin(), 0);
    assertEquals(1, histogram.getMax(), 0);
    assertEquals(6, histogram.getBucketList().stream().mapToDouble(Double::doubleValue).sum(), 0);
    assertEquals(2, histogram.getBucket(histogram.getBucketCount() - 1), 0, "the two maxima");
  }

  private static java.awt.image.BufferedImage decode(byte[] png) {
    try {
      return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
