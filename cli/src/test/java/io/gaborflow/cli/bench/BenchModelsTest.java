package io.gaborflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.cli.JavaProcesses;
import io.gaborflow.cli.Main;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.Node;
import io.gaborflow.core.model.TrainingWindow;
import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.history.EpochResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --models}: declared networks side by side, by catalogue name or by class name, with
 * the figures a user compares them by; and a bench killed in the middle of a network resumes to the
 * figures of a bench that was never stopped.
 */
class BenchModelsTest {
  /** A catalogue name, and a network given by its class (as a user's own would be). */
  private static final String MODELS = "gabor-lenet,io.gaborflow.examples.models.LeNet";

  private static final List<String> BENCH =
      List.of(
          "bench",
          "--models",
          MODELS,
          "--data",
          "embedded",
          "--limit-train",
          "1600",
          "--limit-test",
          "200",
          "--validation",
          "400",
          "--epochs",
          "3",
          "--target-accuracy",
          "0.5",
          "--deterministic",
          "--threads",
          "2");

  @TempDir Path dir;

  @Test
  void comparesDeclaredNetworksAndResumesAKilledBenchToTheSameFigures() throws Exception {
    Path straight = dir.resolve("straight");
    assertEquals(0, Main.commandLine().execute(args(straight, false)));
    JsonNode expected = new ObjectMapper().readTree(straight.resolve("bench.json").toFile());

    JsonNode variants = expected.get("variants");
    assertEquals(2, variants.size());
    assertEquals("gabor-lenet", variants.get(0).get("model").asText());
    assertEquals("lenet", variants.get(1).get("model").asText());
    assertEquals("gabor-lenet", expected.get("baseline").asText(), "ratios against the first");
    for (JsonNode v : variants) {
      double best = v.get("best_validation_accuracy").asDouble();
      assertTrue(best > 0.5 && best <= 1, v.toString());
      assertTrue(v.get("training_seconds_median").asDouble() > 0, v.toString());
      assertTrue(v.get("time_to_accuracy").get("median_seconds").asDouble() > 0, v.toString());
      assertTrue(v.get("parameters").get("learnable").asLong() > 0, v.toString());
    }
    assertEquals(
        !dominates(variants.get(1), variants.get(0)),
        variants.get(0).get("not_beaten").asBoolean(),
        "unbeaten unless the other has at least its accuracy in at most its time");
    assertEquals(
        !dominates(variants.get(0), variants.get(1)),
        variants.get(1).get("not_beaten").asBoolean());
    String md = Files.readString(straight.resolve("bench.md"));
    assertTrue(md.contains("Not beaten on both test accuracy and training time: "), md);
    assertTrue(Files.isRegularFile(straight.resolve("accuracy-vs-time.png")));
    assertFalse(Files.exists(straight.resolve("bench.png")), "no share axis for declared models");

    Path killed = dir.resolve("killed");
    Process process =
        JavaProcesses.start(
            Main.class, List.of(args(killed, false)), ProcessBuilder.Redirect.DISCARD);
    Path secondRun = Bench.runFolder(killed.resolve("checkpoints"), "lenet", 1);
    try {
      JavaProcesses.waitFor(() -> Files.isRegularFile(secondRun.resolve("latest")), 300);
      assertTrue(process.isAlive(), "the bench ended before it could be killed");
      process.destroyForcibly(); // SIGKILL in the second network's run
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    } finally {
      process.destroyForcibly();
    }
    assertFalse(
        Files.isDirectory(secondRun.resolve("epoch-3")), "killed before the last network ended");

    // What the killed bench had done: the first network's run, and the second's first epochs.
    List<Double> finishedSeconds = checkpointedSeconds(killed, "gabor-lenet");
    List<Double> stoppedSeconds = checkpointedSeconds(killed, "lenet");
    assertEquals(3, finishedSeconds.size());

    assertEquals(0, Main.commandLine().execute(args(killed, true)));
    JsonNode resumed = new ObjectMapper().readTree(killed.resolve("bench.json").toFile());
    assertEquals(
        finishedSeconds,
        seconds(resumed.get("variants").get(0)),
        "the finished network is read back, not trained again");
    assertEquals(
        stoppedSeconds,
        seconds(resumed.get("variants").get(1)).subList(0, stoppedSeconds.size()),
        "the stopped network goes on from its last checkpoint");
    for (int i = 0; i < 2; i++) {
      JsonNode a = expected.get("variants").get(i);
      JsonNode b = resumed.get("variants").get(i);
      assertEquals(a.get("test_accuracy"), b.get("test_accuracy"), a.get("model").asText());
      assertEquals(
          a.get("best_validation_accuracy"),
          b.get("best_validation_accuracy"),
          a.get("model").asText());
      assertEquals(
          a.get("epoch_seconds").get("all").size(), b.get("epoch_seconds").get("all").size());
    }
  }

  private static List<Double> checkpointedSeconds(Path out, String model) {
    return new CheckpointStore(Bench.runFolder(out.resolve("checkpoints"), model, 1))
        .latest().orElseThrow().state().epochs().stream().map(EpochResult::seconds).toList();
  }

  private static List<Double> seconds(JsonNode variant) {
    List<Double> seconds = new ArrayList<>();
    variant.get("epoch_seconds").get("all").forEach(s -> seconds.add(s.asDouble()));
    return seconds;
  }

  @Test
  void plusPartialTrainsTheDeclaredGaborBanksInTheFirstEpochs() {
    NetworkSpec spec = DeclaredModel.parse("gabor-lenet+partial2").network().spec();
    assertEquals("gabor-lenet-partial2", spec.modelName());
    List<FixedGaborBankSpec> gabor = new ArrayList<>();
    for (Node node : spec.nodes()) {
      if (node.layer() instanceof ConvLayerSpec conv) {
        for (BankSpec bank : conv.banks()) {
          if (bank instanceof FixedGaborBankSpec g) {
            gabor.add(g);
          }
        }
      }
    }
    assertEquals(2, gabor.size());
    for (FixedGaborBankSpec bank : gabor) {
      assertEquals(new TrainingWindow(2, TrainableAt.START), bank.window(), bank.name());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DeclaredModel.parse("lenet+partialx"));
    assertTrue(e.getMessage().contains("'lenet+partialx'"), e.getMessage());
  }

  /** Whether {@code a} has at least {@code b}'s accuracy in at most its time, better in one. */
  private static boolean dominates(JsonNode a, JsonNode b) {
    double accA = a.get("test_accuracy").get("mean").asDouble();
    double accB = b.get("test_accuracy").get("mean").asDouble();
    double timeA = a.get("training_seconds_median").asDouble();
    double timeB = b.get("training_seconds_median").asDouble();
    return accA >= accB && timeA <= timeB && (accA > accB || timeA < timeB);
  }

  private static String[] args(Path out, boolean resume) {
    List<String> args = new ArrayList<>(BENCH);
    args.addAll(
        List.of(
            "--out", out.toString(), "--checkpoint-dir", out.resolve("checkpoints").toString()));
    if (resume) {
      args.add("--resume");
    }
    return args.toArray(String[]::new);
  }
}
