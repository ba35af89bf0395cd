package io.gaborflow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.cli.report.ConfigJson;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Writes a bench's results: {@code bench.json} (every figure, every run), {@code bench.md} (a table
 * like the paper's) and {@code bench.png} (test accuracy and seconds per epoch against the share of
 * fixed filters). Ratios are against the 0 % variant of the same run.
 */
public final class BenchReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String title;
  private final String dataset;
  private final TrainingConfig config;
  private final List<Long> seeds;
  private final List<VariantResult> results;
  private final VariantResult baseline;
  private final double targetAccuracy;
  private final String recipe;
  private final RobustnessTable robustness;

  /** The variants' {@code results}. */
  public List<VariantResult> results() {
    return results;
  }

  /**
   * The report of a bench titled {@code title} (a family or a list of models) on {@code dataset},
   * without a target accuracy.
   */
  public BenchReport(
      String title,
      String dataset,
      TrainingConfig config,
      List<Long> seeds,
      List<VariantResult> results) {
    this(title, dataset, config, seeds, results, Double.NaN);
  }

  /**
   * The report of a bench titled {@code title} (a family or a list of models) on {@code dataset},
   * with each variant's training time to {@code targetAccuracy} (NaN: none).
   */
  public BenchReport(
      String title,
      String dataset,
      TrainingConfig config,
      List<Long> seeds,
      List<VariantResult> results,
      double targetAccuracy) {
    this(title, dataset, config, seeds, results, targetAccuracy, null);
  }

  /** As the six-argument form, with the recipe line the bench printed at its start (null: none). */
  public BenchReport(
      String title,
      String dataset,
      TrainingConfig config,
      List<Long> seeds,
      List<VariantResult> results,
      double targetAccuracy,
      String recipe) {
    this.recipe = recipe;
    this.targetAccuracy = targetAccuracy;
    this.title = title;
    this.dataset = dataset;
    this.config = config;
    this.seeds = List.copyOf(seeds);
    this.results = List.copyOf(results);
    this.baseline =
        results.stream().filter(r -> r.variant().baseline()).findFirst().orElse(results.get(0));
    this.robustness = new RobustnessTable(this.results, baseline);
  }

  /** Writes {@code bench.json} and {@code bench.md} into {@code directory}. */
  public void writeAll(Path directory) {
    try {
      Files.createDirectories(directory);
      JSON.writeValue(directory.resolve("bench.json").toFile(), json());
      Files.writeString(directory.resolve("bench.md"), markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the bench report to " + directory + ": " + e.getMessage(), e);
    }
  }

  ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", title);
    root.put("dataset", dataset);
    root.put("epochs", config.epochs());
    root.put("batch_size", config.batchSize());
    root.put("optimizer", config.optimizer().toString());
    root.put("threads", config.threads());
    ConfigJson.put(root.putObject("config"), config);
    if (recipe != null) {
      root.put("recipe", recipe);
    }
    ArrayNode seedList = root.putArray("seeds");
    seeds.forEach(seedList::add);
    root.put("baseline", baseline.model());
    ObjectNode energy = root.putObject("energy_model");
    energy.put("source", "Horowitz, ISSCC 2014, 45 nm");
    energy.put("float32_multiply_pj", EnergyModel.MULTIPLY_PJ);
    energy.put("float32_add_pj", EnergyModel.ADD_PJ);
    energy.put("sram_read_32bit_pj", EnergyModel.SRAM_PJ);
    energy.put("dram_access_32bit_pj", EnergyModel.DRAM_PJ);
    ArrayNode variants = root.putArray("variants");
    for (VariantResult r : results) {
      VariantFigures f = r.figures();
      ObjectNode v = variants.addObject();
      v.put("model", r.model());
      if (r.variant() instanceof ShareVariant share) {
        v.put("fixed_percent", share.fixedPercent());
        v.put("partial_epochs", share.partialEpochs());
        v.put("parametric", share.parametric());
        if (share.v1Noise() != null) {
          v.put("complex_cells", true);
          v.put("noise", share.v1Noise().kind().name().toLowerCase(Locale.ROOT));
          v.put("noise_scale", share.v1Noise().scale());
        }
      }
      ObjectNode acc = v.putObject("test_accuracy");
      acc.put("mean", r.meanAccuracy());
      acc.put("std", r.accuracyStd());
      acc.put("diff_vs_baseline", r.meanAccuracy() - baseline.meanAccuracy());
      ArrayNode runs = acc.putArray("runs");
      r.accuracies().forEach(runs::add);
      putOrNull(v, "best_validation_accuracy", r.meanBestValidationAccuracy());
      v.put("training_seconds_median", r.medianTrainingSeconds());
      v.put("not_beaten", notBeaten().contains(r));
      ObjectNode time = v.putObject("epoch_seconds");
      time.put("median", r.medianEpochSeconds());
      time.put("speedup_vs_baseline", r.epochSpeedupOver(baseline));
      ArrayNode all = time.putArray("all");
      r.epochSeconds().forEach(all::add);
      if (!Double.isNaN(targetAccuracy)) {
        ObjectNode toTarget = v.putObject("time_to_accuracy");
        toTarget.put("target", targetAccuracy);
        toTarget.put(
            "on", r.curves().stream().allMatch(TrainingCurve::validation) ? "validation" : "test");
        putOrNull(toTarget, "median_seconds", r.medianSecondsTo(targetAccuracy));
        putOrNull(
            toTarget,
            "speedup_vs_baseline",
            baseline.medianSecondsTo(targetAccuracy) / r.medianSecondsTo(targetAccuracy));
        ArrayNode seedTimes = toTarget.putArray("runs");
        for (TrainingCurve curve : r.curves()) {
          OptionalDouble t = curve.secondsTo(targetAccuracy);
          if (t.isPresent()) {
            seedTimes.add(t.getAsDouble());
          } else {
            seedTimes.addNull();
          }
        }
      }
      ObjectNode macs = v.putObject("macs_per_training_image");
      macs.put("forward", f.forward());
      macs.put("input_gradient", f.inputGradient());
      macs.put("filter_gradient", f.filterGradient());
      macs.put("weight_update", f.weightUpdate());
      macs.put("total", f.totalMacs());
      macs.put("ratio_vs_baseline", (double) f.totalMacs() / baseline.figures().totalMacs());
      ObjectNode params = v.putObject("parameters");
      params.put("learnable", f.learnableParameters());
      params.put("fixed", f.fixedParameters());
      ObjectNode storage = v.putObject("storage_bytes");
      storage.put("gabor_as_generator_parameters", f.storageBytes());
      storage.put("gabor_as_tensors", f.tensorBytes());
      storage.put(
          "saving_vs_baseline", (double) baseline.figures().storageBytes() / f.storageBytes());
      ObjectNode joules = v.putObject("energy_per_training_image");
      joules.put("microjoules", f.picojoulesPerImage() / 1e6);
      joules.put(
          "saving_vs_baseline", baseline.figures().picojoulesPerImage() / f.picojoulesPerImage());
      robustness.putJson(v, r);
    }
    return root;
  }

  private static void putOrNull(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /**
   * The variants no other variant beats on both test accuracy (mean over seeds) and training time
   * (median over seeds): none has at least the accuracy in at most the time, better in one of them.
   */
  List<VariantResult> notBeaten() {
    return results.stream()
        .filter(
            r ->
                results.stream()
                    .noneMatch(
                        q ->
                            q != r
                                && q.meanAccuracy() >= r.meanAccuracy()
                                && q.medianTrainingSeconds() <= r.medianTrainingSeconds()
                                && (q.meanAccuracy() > r.meanAccuracy()
                                    || q.medianTrainingSeconds() < r.medianTrainingSeconds())))
        .toList();
  }

  /**
   * The variant that reached the target accuracy in the least training time, if any did: the
   * sentence the markdown ends its time-to-accuracy table with.
   */
  String firstToTarget() {
    VariantResult first = null;
    for (VariantResult r : results) {
      double t = r.medianSecondsTo(targetAccuracy);
      if (!Double.isNaN(t) && (first == null || t < first.medianSecondsTo(targetAccuracy))) {
        first = r;
      }
    }
    return first == null
        ? String.format(Locale.ROOT, "No variant reached %.4f.", targetAccuracy)
        : String.format(
            Locale.ROOT,
            "First to %.4f: %s, after %.0f s of training.",
            targetAccuracy,
            first.variant().label(),
            first.medianSecondsTo(targetAccuracy));
  }

  /** The markdown report, for printing. */
  public String markdownTable() {
    return markdown();
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "# %s on %s%n%n", title, dataset));
    md.append(
        String.format(
            Locale.ROOT,
            "%d epochs, batch %d, %s, %s, %d threads, seeds %s. Ratios against `%s` of the same run.%n%n",
            config.epochs(),
            config.batchSize(),
            config.optimizer().toString(),
            config.precision().name().toLowerCase(Locale.ROOT),
            config.threads(),
            seeds,
            baseline.model()));
    md.append(
        "| variant | test accuracy | Δ accuracy | best validation | training s | s/epoch (median) | speedup | MACs/image fwd + in-grad + filter-grad + update | MAC ratio | learnable / fixed params | storage | storage saving | energy µJ/image | energy saving |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (VariantResult r : results) {
      VariantFigures f = r.figures();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.4f ± %.4f | %+.2f pt | %s | %.0f | %.2f | %.2fx | %s + %s + %s + %s | %.2f | %,d / %,d | %s | %.2fx | %.1f | %.2fx |%n",
              r.variant().label(),
              r.meanAccuracy(),
              r.accuracyStd(),
              100 * (r.meanAccuracy() - baseline.meanAccuracy()),
              Double.isNaN(r.meanBestValidationAccuracy())
                  ? "–"
                  : String.format(Locale.ROOT, "%.4f", r.meanBestValidationAccuracy()),
              r.medianTrainingSeconds(),
              r.medianEpochSeconds(),
              r.epochSpeedupOver(baseline),
              mega(f.forward()),
              mega(f.inputGradient()),
              mega(f.filterGradient()),
              mega(f.weightUpdate()),
              (double) f.totalMacs() / baseline.figures().totalMacs(),
              f.learnableParameters(),
              f.fixedParameters(),
              kilobytes(f.storageBytes()),
              (double) baseline.figures().storageBytes() / f.storageBytes(),
              f.picojoulesPerImage() / 1e6,
              baseline.figures().picojoulesPerImage() / f.picojoulesPerImage()));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nNot beaten on both test accuracy and training time: %s.%n",
            String.join(", ", notBeaten().stream().map(r -> r.variant().label()).toList())));
    if (!Double.isNaN(targetAccuracy)) {
      boolean validation =
          results.stream().flatMap(r -> r.curves().stream()).allMatch(TrainingCurve::validation);
      md.append(
          String.format(
              Locale.ROOT,
              "%n| variant | training s to %s accuracy %.4f (median of seeds) | speedup |%n|---|---|---|%n",
              validation ? "validation" : "test",
              targetAccuracy));
      for (VariantResult r : results) {
        double t = r.medianSecondsTo(targetAccuracy);
        md.append(
            Double.isNaN(t)
                ? String.format(Locale.ROOT, "| %s | not reached | |%n", r.variant().label())
                : String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.2fx |%n",
                    r.variant().label(),
                    t,
                    baseline.medianSecondsTo(targetAccuracy) / t));
      }
      md.append('\n').append(firstToTarget()).append('\n');
    }
    md.append(
            "\nMACs in millions per training image. Storage: the exported model with each fixed Gabor bank kept as")
        .append(
            " its generator parameters (θ, λ, ψ, σ, γ per filter). Energy: operation counts times 45 nm energies")
        .append(
            String.format(
                Locale.ROOT,
                " (multiply %.1f pJ, add %.1f pJ, SRAM read %.1f pJ per MAC; DRAM %.0f pJ per",
                EnergyModel.MULTIPLY_PJ,
                EnergyModel.ADD_PJ,
                EnergyModel.SRAM_PJ,
                EnergyModel.DRAM_PJ))
        .append(
            " weight access, once per batch); an estimate for comparing the variants, not a measurement.\n");
    if (robustness.measured()) {
      md.append(robustness.markdown());
    }
    return md.toString();
  }

  private static String mega(long macs) {
    return String.format(Locale.ROOT, "%.2f", macs / 1e6);
  }

  private static String kilobytes(long bytes) {
    return String.format(Locale.ROOT, "%,.0f KB", bytes / 1024.0);
  }
}
