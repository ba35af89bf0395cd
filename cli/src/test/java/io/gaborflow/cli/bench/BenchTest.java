package io.gaborflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Specs;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.Optimizer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
  @TempDir Path dir;

  /** 8x8 grey input; one 3x3 layer of 4 Gabor + 4 learnable filters; dense 2. */
  static final ModelGraph TINY =
      ModelGraph.of(
          Specs.network("tiny", 8, 1, 2)
              .layer(
                  "gabor",
                  Specs.conv(
                      3,
                      1,
                      Padding.VALID,
                      Activation.RELU,
                      Specs.gabor(
                          "gabor",
                          GaborBankSpec.builder().orientations(2).phases(0, 90).sigma(1).build()),
                      Specs.learnable("conv", 4)))
              .layer("logits", Specs.logits(2))
              .build());

  static VariantFigures figures(int percent) {
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(16).build();
    return VariantFigures.of(new ShareVariant(percent, 0).graph(TINY).spec(), Optimizer.adam(), 16);
  }

  @Test
  void countsMultiplyAccumulatesFromShapes() {
    // conv: 6x6 outputs x 3x3 x 1 channel = 324 per filter; dense: 288 inputs x 2 units = 576.
    VariantFigures half = figures(50);
    assertEquals(324 * 8 + 576, half.forward());
    assertEquals(576, half.inputGradient(), "the first layer needs no input gradient");
    assertEquals(
        324 * 4 + 576, half.filterGradient(), "only the 4 learnable filters and the dense layer");
    long learnable = 4 * 9 + 4 + 288 * 2 + 2;
    assertEquals(learnable, half.learnableParameters());
    assertEquals(
        Math.round(learnable * 4 / 16.0),
        half.weightUpdate(),
        "Adam: 4 per learnable weight, once per batch of 16");
    VariantFigures none = figures(0);
    assertEquals(324 * 8 + 576, none.filterGradient());
    assertEquals(8 * 9 + 8 + 288 * 2 + 2, none.learnableParameters());
    assertEquals(0, none.fixedParameters());
    VariantFigures most = figures(75);
    assertEquals(6 * 9, most.fixedParameters(), "75 % of 8 filters are 6 Gabor filters");
    assertEquals(
        4 * (2 * 9 + 2 + 288 * 2 + 2 + 5 * 6),
        most.storageBytes(),
        "6 filters as 5 generator values each");
    assertTrue(most.picojoulesPerImage() < none.picojoulesPerImage());
  }

  @Test
  void writesJsonAndMarkdown() throws IOException {
    TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(16).threads(2).build();
    List<BenchVariant> variants =
        List.of(new ShareVariant(0, 0), new ShareVariant(50, 0), new ShareVariant(50, 1));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<VariantResult> results =
        new Bench(TINY, variants, List.of(1L, 2L), config, new PrintStream(log))
            .run(SyntheticData.stripes(8, 2, 64, 32, 3));
    new BenchReport("tiny", "stripes", config, List.of(1L, 2L), results).writeAll(dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
    assertEquals(3, json.get("variants").size());
    JsonNode half = json.get("variants").get(1);
    assertEquals("tiny-fixed50", half.get("model").asText());
    assertEquals(2, half.get("test_accuracy").get("runs").size());
    assertEquals(4, half.get("epoch_seconds").get("all").size());
    for (String key : List.of("forward", "input_gradient", "filter_gradient", "weight_update")) {
      assertTrue(half.get("macs_per_training_image").get(key).asLong() > 0, key);
    }
    assertTrue(half.get("energy_per_training_image").get("saving_vs_baseline").asDouble() > 1);
    assertEquals("tiny-fixed50-partial1", json.get("variants").get(2).get("model").asText());
    String md = Files.readString(dir.resolve("bench.md"));
    assertTrue(md.contains("| 50% + 1 trained |"), md);
  }

  @Test
  void resumedSweepReadsFinishedRunsBackAndFinishesTheStoppedOne() throws IOException {
    TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(16).threads(1).build();
    List<BenchVariant> variants = List.of(new ShareVariant(0, 0), new ShareVariant(50, 0));
    var data = SyntheticData.stripes(8, 2, 64, 32, 3);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    Path root = dir.resolve("checkpoints");
    List<VariantResult> first =
        new Bench(TINY, variants, List.of(1L), config, quiet).checkpointsIn(root, false).run(data);
    // The sweep "stopped" during the second run's second epoch: only its first epoch is kept.
    Path stopped = Bench.runFolder(root, "tiny-fixed50", 1);
    assertTrue(Files.isDirectory(stopped.resolve("epoch-2")), "each run checkpoints in its folder");
    deleteTree(stopped.resolve("epoch-2"));
    Files.writeString(stopped.resolve("latest"), "epoch-1");

    List<VariantResult> resumed =
        new Bench(TINY, variants, List.of(1L), config, quiet).checkpointsIn(root, true).run(data);

    assertEquals(
        first.get(0).epochSeconds(),
        resumed.get(0).epochSeconds(),
        "the finished run is read back with its own timings, not trained again");
    assertEquals(first.get(0).accuracies(), resumed.get(0).accuracies());
    assertEquals(2, resumed.get(1).epochSeconds().size(), "the stopped run trains its last epoch");
    assertEquals(first.get(1).epochSeconds().get(0), resumed.get(1).epochSeconds().get(0));
    assertEquals(
        first.get(1).accuracies().get(0),
        resumed.get(1).accuracies().get(0),
        1e-6,
        "resuming from epoch 1 ends where the uninterrupted run ended");
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
