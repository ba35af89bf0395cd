package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.placement.Placement;
import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LayerForm#AUTO}: every layer that can take either form gets a measured one, a shape is
 * measured once per machine, batch, threads and precision, and the cache only ever saves time.
 */
class LayerFormTuningTest {
  private static final ModelGraph RESIDUAL = new SmallResidualNet();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 96, 32, 5);

  @TempDir Path dir;

  private static TrainingConfig.Builder auto() {
    return TrainingConfig.builder()
        .epochs(1)
        .batchSize(16)
        .optimizer(Optimizer.momentum(0.9f))
        .learningRate(5e-2f)
        .seed(4)
        .threads(1)
        .deterministic(false)
        .layerForm(LayerForm.AUTO);
  }

  /**
   * A clock that reads every op of the candidate's graph as {@code micros}: steady readings, and a
   * form's cost is its op count, so the bookkeeping is tested apart from this machine's timing.
   */
  static FormClock opCountClock(long micros) {
    return (form, candidate, batch) -> {
      Map<String, Long> ops = new HashMap<>();
      candidate.graph().operations().forEachRemaining(op -> ops.put(op.name(), micros));
      return new StepTiming(ops);
    };
  }

  /** Fewer steps than a real run measures, and steady readings: the tests check the bookkeeping. */
  private LayerFormTuning tuning(String machine) {
    return tuning(machine, opCountClock(10));
  }

  private LayerFormTuning tuning(String machine, FormClock clock) {
    return new LayerFormTuning(LayerFormCache.in(dir), machine, 1, 3, clock);
  }

  private LayerForms resolve(String machine, ModelGraph model, TrainingConfig config) {
    return tuning(machine).resolve(model, config);
  }

  private static Set<String> shapes(LayerForms forms) {
    Set<String> shapes = new HashSet<>();
    forms.choices().forEach(c -> shapes.add(c.shape()));
    return shapes;
  }

  @Test
  void measuresEachShapeOnceThenReadsItFromTheCache() throws IOException {
    TrainingConfig config = auto().build();
    LayerForms measured = resolve("machine A", RESIDUAL, config);

    assertFalse(measured.choices().isEmpty(), "the residual net has mixed layers");
    assertTrue(measured.choices().stream().noneMatch(LayerForms.Choice::cached));
    for (LayerForms.Choice choice : measured.choices()) {
      assertEquals(LayerForms.Origin.MEASURED, choice.origin(), "steady readings settle");
      assertEquals(LayerForm.MEASURED, List.copyOf(choice.micros().keySet()), choice.toString());
      assertTrue(choice.micros().values().stream().allMatch(m -> m > 0), choice.toString());
      long cheapest = java.util.Collections.min(choice.micros().values());
      assertEquals(
          LayerForm.MEASURED.stream()
              .filter(f -> choice.micros().get(f) == cheapest)
              .findFirst()
              .orElseThrow(),
          choice.form(),
          "the cheapest form is kept, the first on a tie: " + choice);
      assertEquals(choice.form(), measured.options().formOf(choice.layer()));
    }
    JsonNode file = new ObjectMapper().readTree(dir.resolve(LayerFormCache.FILE).toFile());
    assertEquals(shapes(measured).size(), file.size(), "one entry per shape: " + file);
    file.fieldNames().forEachRemaining(key -> assertTrue(key.startsWith("machine A |"), key));

    LayerForms again = resolve("machine A", RESIDUAL, config);
    assertTrue(again.choices().stream().allMatch(LayerForms.Choice::cached), "nothing measured");
    assertEquals(measured.options(), again.options());
  }

  @Test
  void anotherMachineBatchOrPrecisionIsAMiss() {
    TrainingConfig config = auto().build();
    LayerForms first = resolve("machine A", RESIDUAL, config);

    assertTrue(
        resolve("machine B", RESIDUAL, config).choices().stream()
            .noneMatch(LayerForms.Choice::cached),
        "another machine measures again");
    assertTrue(
        resolve("machine A", RESIDUAL, auto().batchSize(8).build()).choices().stream()
            .noneMatch(LayerForms.Choice::cached),
        "another batch size measures again");
    assertTrue(
        resolve("machine A", new SmallGaborNet(), config).choices().stream()
            .noneMatch(LayerForms.Choice::cached),
        "layers of other shapes are measured");
    // bf16 cannot run on a CPU without it, so the precision is checked on the key itself.
    LayerFormCache cache = LayerFormCache.in(dir);
    String shape = first.choices().get(0).shape();
    var fp32 = new LayerFormCache.Key("machine A", 1, Precision.FP32, 16, shape);
    var bf16 = new LayerFormCache.Key("machine A", 1, Precision.BF16, 16, shape);
    assertTrue(cache.get(fp32).isPresent());
    assertTrue(cache.get(bf16).isEmpty(), "another precision is a miss");
  }

  @Test
  void theCachedFormIsTheOneBuilt() throws IOException {
    TrainingConfig config = auto().build();
    LayerForms measured = resolve("machine A", RESIDUAL, config);
    // Claim the other form for every shape: the build must follow the file, not measure.
    Path file = dir.resolve(LayerFormCache.FILE);
    ObjectNode entries = (ObjectNode) new ObjectMapper().readTree(file.toFile());
    entries.forEach(
        e -> {
          ObjectNode entry = (ObjectNode) e;
          entry.put(
              "form",
              entry.get("form").asText().equals("WHOLE_LAYER") ? "PER_BANK" : "WHOLE_LAYER");
          entry.put("layerMicros", 0); // no figure: the claimed forms are not checked against one
        });
    Files.writeString(file, entries.toString());

    try (ModelSession session =
        ModelSession.open(RESIDUAL, config, Placement.local(), tuning("machine A"))) {
      // A layer's form can change what the next one's input carries, so later layers may have
      // shapes the file does not know; those are measured, the known ones must follow the file.
      LayerForms.Choice first = session.layerForms().choices().get(0);
      assertTrue(first.cached(), "the first layer's shape is in the file");
      for (LayerForms.Choice choice : session.layerForms().choices()) {
        var key = new LayerFormCache.Key("machine A", 1, Precision.FP32, 16, choice.shape());
        if (entries.has(key.text())) {
          assertTrue(choice.cached(), choice.toString());
          assertEquals(
              entries.get(key.text()).get("form").asText(),
              choice.form().name(),
              choice.toString());
        }
      }
      assertEquals(
          measured.options().formOf(first.layer()) == LayerForm.WHOLE_LAYER
              ? LayerForm.PER_BANK
              : LayerForm.WHOLE_LAYER,
          first.form());
      List<String> wholeLayerKernels = new ArrayList<>();
      for (var it = session.graph().operations(); it.hasNext(); ) {
        String name = it.next().name();
        if (name.endsWith("/layer_kernel")) {
          wholeLayerKernels.add(name);
        }
      }
      for (LayerForms.Choice choice : session.layerForms().choices()) {
        // The training pass's ops are named by the layer's path from the top of the network.
        boolean built =
            wholeLayerKernels.stream().anyMatch(n -> n.startsWith(choice.layer() + "/"));
        assertEquals(
            choice.form().wholeLayer(), built, "the graph builds " + choice + " in its form");
      }
    }
  }

  @Test
  void anUnreadableCacheIsMeasuredAgainAndARemovedOneGivesTheSameRun() throws IOException {
    TrainingConfig config = auto().build();
    TrainingResult cached;
    resolve("machine A", RESIDUAL, config);
    try (ModelSession session =
        ModelSession.open(RESIDUAL, config, Placement.local(), tuning("machine A"))) {
      assertTrue(session.layerForms().choices().stream().allMatch(LayerForms.Choice::cached));
      cached = Runs.train(session, DATA);
    }
    Files.writeString(dir.resolve(LayerFormCache.FILE), "{ not json");
    TrainingResult measured;
    try (ModelSession session =
        ModelSession.open(RESIDUAL, config, Placement.local(), tuning("machine A"))) {
      assertTrue(session.layerForms().choices().stream().noneMatch(LayerForms.Choice::cached));
      measured = Runs.train(session, DATA);
    }
    assertEquals(
        cached.epochs().get(0).trainLoss(),
        measured.epochs().get(0).trainLoss(),
        1e-4,
        "the forms compute the same values, whichever the measurement picks");
    assertEquals(cached.testAccuracy(), measured.testAccuracy(), 1.0 / 32 + 1e-9);
  }

  @Test
  void formsWithinTheReadingsSpreadAreBuiltPerBankAndNotCached() {
    // Every form costs the same, but another process slows one form or another, round by round.
    int[] readings = {0};
    FormClock busy =
        (form, candidate, batch) ->
            new StepTiming(Map.of("step", readings[0]++ % 2 == 0 ? 1000L : 1500L));
    LayerForms forms = tuning("machine A", busy).resolve(RESIDUAL, auto().build());

    assertFalse(forms.choices().isEmpty());
    for (LayerForms.Choice choice : forms.choices()) {
      assertEquals(LayerForms.Origin.WITHIN_NOISE, choice.origin(), choice.toString());
      assertEquals(LayerForm.PER_BANK, choice.form(), choice.toString());
      assertEquals(LayerForm.PER_BANK, forms.options().formOf(choice.layer()));
    }
    assertFalse(Files.exists(dir.resolve(LayerFormCache.FILE)), "nothing settled, nothing kept");
  }

  @Test
  void aCachedFormWhoseLayersRunFarSlowerThanWhenChosenIsMeasuredAgain() throws IOException {
    TrainingConfig config = auto().build();
    LayerForms measured = tuning("machine A", opCountClock(10)).resolve(RESIDUAL, config);
    JsonNode before = new ObjectMapper().readTree(dir.resolve(LayerFormCache.FILE).toFile());
    before.forEach(e -> assertTrue(e.get("layerMicros").asLong() > 0, e.toString()));

    LayerForms same = tuning("machine A", opCountClock(10)).resolve(RESIDUAL, config);
    assertTrue(same.choices().stream().allMatch(LayerForms.Choice::cached), "as fast: kept");
    assertEquals(measured.options(), same.options());

    // The same layers now take three times as long as the figures kept with their forms.
    LayerForms slower = tuning("machine A", opCountClock(30)).resolve(RESIDUAL, config);
    assertTrue(
        slower.choices().stream().noneMatch(LayerForms.Choice::cached),
        "every shape is measured again: " + slower.choices());
    JsonNode after = new ObjectMapper().readTree(dir.resolve(LayerFormCache.FILE).toFile());
    before
        .fieldNames()
        .forEachRemaining(
            key ->
                assertEquals(
                    3 * before.get(key).get("layerMicros").asLong(),
                    after.get(key).get("layerMicros").asLong(),
                    "the new figure is kept for " + key));
  }

  @Test
  void forgettingAModelsFormsMeasuresThemAgain() {
    TrainingConfig config = auto().build();
    LayerForms measured = resolve("machine A", RESIDUAL, config);
    resolve("machine A", new SmallGaborNet(), config);

    assertEquals(shapes(measured).size(), tuning("machine A").forget(RESIDUAL, config));
    assertTrue(
        resolve("machine A", RESIDUAL, config).choices().stream()
            .noneMatch(LayerForms.Choice::cached),
        "measured again");
    assertTrue(
        resolve("machine A", new SmallGaborNet(), config).choices().stream()
            .allMatch(LayerForms.Choice::cached),
        "another model's forms are kept");
    assertEquals(0, tuning("machine B").forget(RESIDUAL, config), "another machine's are not his");
  }

  @Test
  void deterministicModeBuildsPerBankWithoutTiming() {
    LayerForms forms = resolve("machine A", RESIDUAL, auto().deterministic(true).build());
    assertTrue(forms.choices().isEmpty());
    assertEquals(LayerForm.PER_BANK, forms.options().layerForm());
    assertTrue(forms.options().layers().isEmpty());
    assertFalse(Files.exists(dir.resolve(LayerFormCache.FILE)), "nothing measured, nothing kept");
  }

  @Test
  void aGivenFormIsNotTimed() {
    LayerForms forms =
        resolve("machine A", RESIDUAL, auto().layerForm(LayerForm.WHOLE_LAYER).build());
    assertEquals(LayerForm.WHOLE_LAYER, forms.options().layerForm());
    assertTrue(forms.choices().isEmpty());
    assertEquals(List.of(), List.copyOf(forms.options().layers().values()));
  }
}
