package io.gaborflow.cli.bench;

import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains every variant of a model with every seed, in one process and on one data set: with the
 * same seed every variant sees the same batches in the same order. Seeds are the outer loop, so a
 * slow spell of the machine spreads over the variants instead of landing on one.
 *
 * <p>With {@link #checkpointsIn}, every run checkpoints after each epoch in a folder of its own, so
 * a sweep that outlasts its machine's session resumes where it stopped: finished runs are read back
 * from their last checkpoint (figures included) and the interrupted one goes on from its newest.
 */
public final class Bench {
  private final ModelGraph base;
  private final List<BenchVariant> variants;
  private final List<Long> seeds;
  private final TrainingConfig config;
  private final PrintStream log;
  private Path checkpointRoot;
  private boolean resume;
  private List<? extends TrainingListener> listeners = List.of();
  private BenchRobustness robustness;

  /**
   * A sweep of {@code base}'s {@code variants} with each of {@code seeds}, logging each run to
   * {@code log}.
   */
  public Bench(
      ModelGraph base,
      List<BenchVariant> variants,
      List<Long> seeds,
      TrainingConfig config,
      PrintStream log) {
    this.base = base;
    this.variants = List.copyOf(variants);
    this.seeds = List.copyOf(seeds);
    this.config = config;
    this.log = log;
  }

  /**
   * Checkpoints each run in {@code root/<model>/seed-<seed>} ({@link #runFolder}); with {@code
   * resume}, continues each run from its newest checkpoint there.
   */
  public Bench checkpointsIn(Path root, boolean resume) {
    this.checkpointRoot = root;
    this.resume = resume;
    return this;
  }

  /** Tells {@code listeners} about every run, such as a progress bar. */
  public Bench reportingTo(List<? extends TrainingListener> listeners) {
    this.listeners = List.copyOf(listeners);
    return this;
  }

  /**
   * Exports every run and measures what it withstands ({@link BenchRobustness}); a resumed bench
   * reads back the exports of finished runs.
   */
  public Bench measuringRobustness(BenchRobustness robustness) {
    this.robustness = robustness;
    return this;
  }

  /** Where the run of model {@code model} with {@code seed} checkpoints under {@code root}. */
  public static Path runFolder(Path root, String model, long seed) {
    return root.resolve(model).resolve("seed-" + seed);
  }

  private RunOptions runOptions(String model, long seed) {
    RunOptions options =
        checkpointRoot == null
            ? RunOptions.NONE
            : RunOptions.checkpointsIn(runFolder(checkpointRoot, model, seed), resume);
    if (robustness != null && !robustness.exported(model, seed)) {
      options = options.toBuilder().exportTo(robustness.exportOf(model, seed)).build();
    }
    return options;
  }

  /** Trains every variant with every seed on {@code data}; one result per variant. */
  public List<VariantResult> run(Dataset data) {
    Map<BenchVariant, List<Double>> accuracies = new LinkedHashMap<>();
    Map<BenchVariant, List<Double>> seconds = new LinkedHashMap<>();
    Map<BenchVariant, VariantFigures> figures = new LinkedHashMap<>();
    Map<BenchVariant, List<TrainingCurve>> curves = new LinkedHashMap<>();
    Map<BenchVariant, List<RobustnessReport>> robustnessReports = new LinkedHashMap<>();
    for (BenchVariant v : variants) {
      accuracies.put(v, new ArrayList<>());
      seconds.put(v, new ArrayList<>());
      curves.put(v, new ArrayList<>());
      robustnessReports.put(v, new ArrayList<>());
    }
    for (long seed : seeds) {
      TrainingConfig seeded = config.withSeed(seed);
      for (BenchVariant variant : variants) {
        ModelGraph graph = variant.graph(base);
        figures.putIfAbsent(
            variant, VariantFigures.of(graph.spec(), config.optimizer(), config.batchSize()));
        log.printf("%s, seed %d:%n", graph.modelName(), seed);
        TrainingResult result =
            ModelTrainer.of(graph, seeded, data)
                .train(runOptions(graph.modelName(), seed), listeners);
        accuracies.get(variant).add(result.testAccuracy());
        for (EpochResult e : result.epochs()) {
          seconds.get(variant).add(e.seconds());
        }
        curves.get(variant).add(TrainingCurve.of(result.epochs()));
        log.printf(
            "%-28s seed %d: test accuracy %.4f, %s s/epoch%n",
            graph.modelName(),
            seed,
            result.testAccuracy(),
            result.epochs().stream().map(e -> String.format("%.1f", e.seconds())).toList());
        if (robustness != null) {
          robustnessReports.get(variant).add(robustness.evaluate(graph.modelName(), seed, log));
        }
      }
    }
    List<VariantResult> results = new ArrayList<>();
    for (BenchVariant v : variants) {
      results.add(
          new VariantResult(
              v,
              v.graph(base).modelName(),
              figures.get(v),
              accuracies.get(v),
              seconds.get(v),
              curves.get(v),
              robustnessReports.get(v)));
    }
    return results;
  }
}
