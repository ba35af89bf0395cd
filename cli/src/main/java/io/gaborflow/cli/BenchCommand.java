package io.gaborflow.cli;

import io.gaborflow.cli.bench.Bench;
import io.gaborflow.cli.bench.BenchReport;
import io.gaborflow.cli.bench.BenchRobustness;
import io.gaborflow.cli.bench.BenchVariant;
import io.gaborflow.cli.bench.DeclaredModel;
import io.gaborflow.cli.bench.ShareVariant;
import io.gaborflow.cli.bench.VariantResult;
import io.gaborflow.cli.progress.ConsoleProgress;
import io.gaborflow.cli.render.BenchChart;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "The paper's experiment: trains a model with 0, 25, 50, 75 %% of each mixed convolution layer",
      "fixed Gabor filters (and, with --partial, with the Gabor banks trained for the first epochs),",
      "every variant with every seed in one process, and writes bench.json, bench.md and bench.png."
    },
    sortOptions = false)
public final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--model",
      paramLabel = "FAMILY",
      description = "lenet, nin or resnet20 (default: ${DEFAULT-VALUE}).")
  String model = "lenet";

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "MODEL",
      description =
          "Instead of a sweep of one family: compare these networks as declared (catalogue names, or"
              + " class names of your own @Network classes on GABORFLOW_CLASSPATH; MODEL+partialN"
              + " trains its Gabor banks in the first N epochs), every one with the same recipe,"
              + " seeds and data; ratios against the first.")
  List<String> models;

  @Mixin RecipeOption recipe = new RecipeOption();

  @Mixin DataOptions dataOptions = new DataOptions();

  @Mixin StepOptions stepOptions = new StepOptions();

  @Option(
      names = "--fractions",
      split = ",",
      paramLabel = "PERCENT",
      description = "Shares of fixed filters per mixed layer (default: ${DEFAULT-VALUE}).")
  List<Integer> fractions = DEFAULT_FRACTIONS;

  private static final List<Integer> DEFAULT_FRACTIONS = List.of(0, 25, 50, 75);

  @Option(
      names = "--partial",
      paramLabel = "EPOCHS",
      description =
          "Also run each share above 0 with its Gabor banks trained for EPOCHS epochs (the first,"
              + " or the last with --partial-at end).")
  int partial;

  @Option(
      names = "--partial-at",
      description =
          "Which end of the run --partial's epochs of Gabor training take: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  TrainableAt partialAt = TrainableAt.START;

  @Option(
      names = "--parametric",
      description =
          "Also run each share above 0 with parametric Gabor banks: all five parameters of each filter"
              + " learn for the whole run, the kernels staying Gabor kernels.")
  boolean parametric;

  @Option(
      names = "--vone",
      description =
          "Also run, for each fraction above 0, the Gabor banks with VOneNet's complex cells and"
              + " noise (--vone-noise).")
  boolean vone;

  @Option(
      names = "--vone-noise",
      paramLabel = "KIND:SCALE",
      description =
          "The noise of the --vone variants: gaussian:SD, poisson:SCALE or none (default:"
              + " ${DEFAULT-VALUE}).")
  String voneNoise = DEFAULT_VONE_NOISE;

  /** The noise of the {@code --vone} variants unless told. */
  static final String DEFAULT_VONE_NOISE = "poisson:0.5";

  @Option(
      names = "--robustness",
      description =
          "Export every run and measure what it withstands (as the robustness command does, with"
              + " its options) on --robustness-images test images; the table goes beside the"
              + " accuracy and speed-up.")
  boolean robustness;

  @Option(
      names = "--robustness-images",
      paramLabel = "N",
      description =
          "A seeded, class-balanced subset of N test images for --robustness, 0 for all (default:"
              + " ${DEFAULT-VALUE}).")
  int robustnessImages = 1000;

  @Mixin RobustnessOptions robustnessOptions = new RobustnessOptions();

  @Option(names = "--epochs", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
  int epochs = 3;

  @Option(
      names = "--seeds",
      split = ",",
      description = "One run per seed and variant (default: ${DEFAULT-VALUE}).")
  List<Long> seeds = List.of(1L);

  @Option(
      names = "--target-accuracy",
      paramLabel = "A",
      description =
          "Also report each variant's training seconds until its validation accuracy first reaches"
              + " A (needs --validation), and which variant gets there first.")
  Double targetAccuracy;

  @Option(
      names = "--checkpoint-dir",
      paramLabel = "DIR",
      description =
          "Checkpoint every run after each epoch in DIR/<model>/seed-<seed>, so that --resume can"
              + " continue a sweep that was stopped.")
  Path checkpointDir;

  @Option(
      names = "--resume",
      description =
          "Continue each run from its newest checkpoint in --checkpoint-dir: finished runs are read"
              + " back, not trained again.")
  boolean resume;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the reports (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("bench-results");

  @Override
  public Integer call() {
    String recipeLine = recipe.apply();
    if (targetAccuracy != null && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
      throw new IllegalArgumentException(
          "--target-accuracy is an accuracy in (0, 1], got " + targetAccuracy);
    }
    if (targetAccuracy != null && dataOptions.validation == 0) {
      throw new IllegalArgumentException(
          "--target-accuracy watches the validation split, so that the test set only reports:"
              + " give --validation N as well (5000 for CIFAR-10, say)");
    }
    if (resume && checkpointDir == null) {
      throw new IllegalArgumentException(
          "--resume needs --checkpoint-dir: the folder of the stopped sweep's checkpoints");
    }
    List<BenchVariant> variants = models == null ? sweep() : declared();
    // The network a sweep re-splits; declared networks are their own, and the first gives the
    // input.
    ModelGraph base = models == null ? ModelCatalog.sweepBase(model) : variants.get(0).graph(null);
    String title = models == null ? model : String.join(", ", models);
    TrainingConfig config = stepOptions.config().epochs(epochs).build();
    Dataset data =
        DaggerDataComponent.create()
            .dataSources()
            .load(dataOptions.spec(base.spec().input(), seeds.get(0)));
    System.out.printf(
        "bench: %s on %s (%d training images), %d variants x %d seeds x %d epochs%n",
        title, data.name(), data.train().size(), variants.size(), seeds.size(), epochs);
    Bench bench =
        new Bench(base, variants, seeds, config, System.out)
            .reportingTo(List.of(ConsoleProgress.forConsole()));
    if (checkpointDir != null) {
      bench.checkpointsIn(checkpointDir, resume);
    }
    if (robustness) {
      FeatureShape input = base.spec().input();
      ImageSize size = new ImageSize(input.height(), input.width(), input.channels());
      ImageSamples test =
          EvaluationImages.test(dataOptions.data, robustnessImages, seeds.get(0), size);
      bench.measuringRobustness(
          new BenchRobustness(
              test,
              metadata ->
                  robustnessOptions.settings(metadata, RobustnessOptions.BATCH_SIZE, seeds.get(0)),
              out.resolve("exports"),
              robustnessOptions.recorded(size)));
    }
    List<VariantResult> results = bench.run(data);
    double target = targetAccuracy == null ? Double.NaN : targetAccuracy;
    BenchReport report =
        new BenchReport(title, data.name(), config, seeds, results, target, recipeLine);
    report.writeAll(out);
    if (models == null) {
      BenchChart.write(results, out.resolve("bench.png"));
    }
    BenchChart.writeCurves(results, target, out.resolve("accuracy-vs-time.png"));
    System.out.println();
    System.out.print(report.markdownTable());
    System.out.println(
        "wrote "
            + out.resolve("bench.json")
            + ", "
            + out.resolve("bench.md")
            + (models == null ? ", " + out.resolve("bench.png") : "")
            + " and "
            + out.resolve("accuracy-vs-time.png"));
    return 0;
  }

  /** The paper's sweep of one family: shares of fixed filters, and their trained forms. */
  private List<BenchVariant> sweep() {
    List<BenchVariant> variants = new ArrayList<>();
    for (int fraction : fractions) {
      if (fraction < 0 || fraction > 100) {
        throw new IllegalArgumentException(
            "--fractions must be between 0 and 100, got " + fraction);
      }
      variants.add(new ShareVariant(fraction, 0));
    }
    if (partial > 0) {
      for (int fraction : fractions) {
        if (fraction > 0) {
          variants.add(new ShareVariant(fraction, partial, false, partialAt));
        }
      }
    }
    if (parametric) {
      for (int fraction : fractions) {
        if (fraction > 0) {
          variants.add(new ShareVariant(fraction, 0, true));
        }
      }
    }
    if (vone) {
      BankNoise noise = NoiseOption.parse("--vone-noise", voneNoise);
      for (int fraction : fractions) {
        if (fraction > 0) {
          variants.add(ShareVariant.v1Stages(fraction, noise));
        }
      }
    }
    return variants;
  }

  /** The networks of --models as declared; the sweep's options do not apply to them. */
  private List<BenchVariant> declared() {
    if (partial > 0 || parametric || vone || !fractions.equals(DEFAULT_FRACTIONS)) {
      throw new IllegalArgumentException(
          "--models compares networks as declared: --fractions, --partial, --parametric and --vone"
              + " vary one family's network (--model); declare the variants as networks instead");
    }
    List<BenchVariant> variants = new ArrayList<>();
    for (String name : models) {
      DeclaredModel variant = DeclaredModel.parse(name);
      if (variants.stream().anyMatch(v -> v.label().equals(variant.label()))) {
        throw new IllegalArgumentException(
            "--models names " + variant.label() + " twice; name each network once");
      }
      variants.add(variant);
    }
    return variants;
  }
}
