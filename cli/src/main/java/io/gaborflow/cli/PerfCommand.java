package io.gaborflow.cli;

import static io.gaborflow.cli.bench.VariantResult.median;

import io.gaborflow.cli.trace.StepTrace;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.TrainingCost;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.Prefetcher;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.placement.Placement;
import io.gaborflow.tensorflow.train.LayerFormTuning;
import io.gaborflow.tensorflow.train.LayerForms;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "perf",
    mixinStandardHelpOptions = true,
    description = {
      "Milliseconds per training step of several models, measured in one process: after a warm-up",
      "the models take turns, a round of steps each, so a slow spell of the machine hits them all.",
      "Random inputs unless --data names a data set. --trace adds where a step's time goes, by op type."
    },
    sortOptions = false)
public final class PerfCommand implements Callable<Integer> {
  @Option(
      names = "--models",
      split = ",",
      description =
          "Models to time; MODEL:FORM times MODEL with --layer-form FORM and MODEL@PRECISION with"
              + " --precision PRECISION (gabor-resnet20:auto@bf16), so forms and precisions compare"
              + " in one run; MODEL+vone gives its Gabor banks VOneNet's complex cells and bench"
              + " --vone's noise (default: ${DEFAULT-VALUE}).")
  List<String> models = List.of("lenet", "gabor-lenet");

  @Mixin StepOptions stepOptions = new StepOptions();

  @Option(
      names = "--warmup",
      description = "Untimed steps per model first (default: ${DEFAULT-VALUE}).")
  int warmup = 20;

  @Option(names = "--rounds", description = "Rounds of timed steps (default: ${DEFAULT-VALUE}).")
  int rounds = 10;

  @Option(names = "--steps", description = "Steps per model per round (default: ${DEFAULT-VALUE}).")
  int steps = 20;

  @Option(
      names = "--trace",
      description =
          "Also print where a step's time goes, by op type and by layer"
              + " (each op's fastest time over --trace-steps traced steps).")
  boolean trace;

  @Option(
      names = "--trace-steps",
      description = "Traced steps per model for --trace (default: ${DEFAULT-VALUE}).")
  int traceSteps = 5;

  @Option(
      names = "--peers",
      paramLabel = "PYTHON",
      description =
          "A Python with tensorflow and torch: also run the hand-wired Keras and PyTorch versions"
              + " (--peers-script) in the same invocation: the LeNets for one epoch of Fashion-MNIST (seconds per"
              + " epoch), or with ../shared/bench/nin_peers.py or resnet_peers.py the NiNs or ResNet-20s"
              + " (milliseconds per step).")
  String peersPython;

  @Option(
      names = "--peers-script",
      paramLabel = "FILE",
      description = "The peers' script (default: ${DEFAULT-VALUE}).")
  Path peersScript = Path.of("../shared/bench/seed_peers.py");

  @Option(
      names = "--peers-frameworks",
      split = ",",
      paramLabel = "NAME",
      description = "Which peers to run: keras, torch (default: both).")
  List<String> peersFrameworks = List.of();

  @Option(
      names = "--peers-rounds",
      description =
          "The peers take turns with gaborflow, a round of steps each, after warming up (with"
              + " --peers and --peers-script bench/peers/keras_rounds.py: Keras' ResNet-20 or NiN in"
              + " float32 and mixed_bfloat16); prints every model's median and its spread over the"
              + " rounds.")
  boolean peersRounds;

  @Option(
      names = "--data",
      paramLabel = "SPEC",
      description =
          "Time on batches of this data set (as --data of train) instead of random images.")
  String data;

  @Mixin ClusterOptions clusterOptions = new ClusterOptions();

  @Option(
      names = "--retime-forms",
      description =
          "With --layer-form auto: forget the layer forms cached for these models, batch size,"
              + " threads and precision, and time them again (after a busy spell, or to see the"
              + " figures); train then builds what this run keeps.")
  boolean retimeForms;

  @Option(
      names = "--steps-per-epoch",
      description =
          "Steps that make an epoch, to compare with the peers"
              + " (default: ${DEFAULT-VALUE}, Fashion-MNIST at batch 64).")
  int stepsPerEpoch = 60000 / 64;

  private static Batch batchOf(float[] images, int[] labels, int count) {
    return Batch.of(images, labels, count, images.length / count);
  }

  @Override
  public Integer call() {
    TrainingConfig config = stepOptions.config().epochs(1).build();
    Optional<Cluster> cluster = clusterOptions.cluster();
    int workers = cluster.map(Cluster::size).orElse(1);
    // The global batch stays the batch size; each worker steps on its share, split as training
    // splits it, and a batch size that does not split is refused before any server starts.
    int batchSize =
        BatchPlan.training(config.batchSize(), config.batchSize(), 1, false)
            .shard(0, workers)
            .shardSize();
    if (cluster.isPresent() && models.size() > 1) {
      // A session on a server keeps its variables in the server, by name: two models would share
      // them.
      throw new IllegalArgumentException(
          "with --cluster, perf times one model per run; run it once per model");
    }
    Placement placement =
        cluster.map(c -> Placement.worker(c, clusterOptions.timeout())).orElseGet(Placement::local);
    Map<String, ModelSession> sessions = new LinkedHashMap<>();
    Map<String, float[]> images = new LinkedHashMap<>();
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    int[] labels = new int[batchSize];
    Random random = new Random(1);
    Prefetcher real = null;
    PeerRounds peers = null;
    if (data != null) {
      ImageSamples train =
          DaggerDataComponent.create().dataSources().load(DataSpec.parse(data)).train();
      real =
          new Prefetcher(
              train,
              placement.share(BatchPlan.training(train.size(), config.batchSize(), 1, false)));
    }
    try {
      for (String name : models) {
        PerfModel entry = PerfModel.parse(name);
        ModelGraph graph = entry.graph();
        FeatureShape in = graph.spec().input();
        if (retimeForms) {
          int forgotten = LayerFormTuning.standard().forget(graph, entry.config(config));
          System.out.printf("%s: %d cached layer forms forgotten%n", name, forgotten);
        }
        ModelSession session = ModelSession.open(graph, entry.config(config), placement);
        sessions.put(name, session);
        session.initialize(1);
        float[] x = new float[batchSize * in.elements()];
        for (int i = 0; i < x.length; i++) {
          x[i] = random.nextFloat();
        }
        images.put(name, x);
        millis.put(name, new ArrayList<>());
      }
      for (int i = 0; i < batchSize; i++) {
        labels[i] = random.nextInt(10);
      }
      if (peersRounds) {
        if (peersPython == null) {
          throw new IllegalArgumentException("--peers-rounds needs --peers PYTHON");
        }
        peers =
            PeerRounds.start(
                peersPython,
                peersScript,
                PerfModel.parse(models.get(0)).family(),
                batchSize,
                config.threads(),
                steps);
      }
      for (String name : models) {
        for (int s = 0; s < warmup; s++) {
          sessions
              .get(name)
              .trainStep(1, s, config.learningRate(), batchOf(images.get(name), labels, batchSize));
        }
      }
      for (int round = 0; round < rounds; round++) {
        for (String name : models) {
          ModelSession session = sessions.get(name);
          for (int s = 0; s < steps; s++) {
            Batch batch =
                real == null
                    ? batchOf(images.get(name), labels, batchSize)
                    : real.next(1, (round * steps + s) % real.plan().stepsPerEpoch());
            long start = System.nanoTime();
            session.trainStep(1, s, config.learningRate(), batch);
            millis.get(name).add((System.nanoTime() - start) / 1e6);
          }
        }
        if (peers != null) {
          peers.round();
        }
      }
      String first = models.get(0);
      double reference = median(millis.get(first));
      long referenceMacs = TrainingCost.of(sessions.get(first).model().spec()).total();
      System.out.printf(
          "%-28s %14s %10s %12s %14s %10s %16s%n",
          "model",
          "ms/step (med)",
          "vs " + first,
          "s/epoch",
          "MMAC/image",
          "MAC limit",
          "exchanged B/step");
      for (String name : models) {
        double m = median(millis.get(name));
        long macs = TrainingCost.of(sessions.get(name).model().spec()).total();
        System.out.printf(
            "%-28s %14.1f %9.2fx %12.1f %14.1f %9.2fx %,16d%n",
            name,
            m,
            m / reference,
            m * stepsPerEpoch / 1000,
            macs / 1e6,
            (double) macs / referenceMacs,
            workers > 1 ? sessions.get(name).exchangedBytesPerStep(1) : 0);
      }
      cluster.ifPresent(
          c ->
              System.out.printf(
                  "%d workers (this is worker %d), global batch %d, %d per worker;"
                      + " a ring all-reduce sends and receives 2(N-1)/N of the exchanged bytes per worker%n",
                  c.size(), c.task(), config.batchSize(), batchSize));
      if (peers != null) {
        printRounds(millis, peers.rounds(), reference, first);
      } else if (peersPython != null) {
        for (String line : PeerRun.run(peersPython, peersScript, peersFrameworks)) {
          System.out.println(line);
        }
      }
      if (trace) {
        Map<String, StepTrace> traces = new LinkedHashMap<>();
        for (String name : models) {
          List<StepTrace> steps = new ArrayList<>();
          for (int i = 0; i < traceSteps; i++) {
            steps.add(
                StepTrace.of(sessions.get(name), 1, batchOf(images.get(name), labels, batchSize)));
          }
          traces.put(name, StepTrace.fastestOf(steps));
          printTrace(name, traces.get(name));
          printForms(name, sessions.get(name).layerForms());
          if (cluster.isPresent()) {
            long allReduce = traces.get(name).spanMicros("CollectiveReduce");
            double step = median(millis.get(name));
            System.out.printf(
                "%s: the all-reduce ran during %.1f ms of a %.1f ms step (%.0f %%)%n",
                name, allReduce / 1000.0, step, 100 * allReduce / 1000.0 / step);
          }
        }
        printLayers(traces);
      }
    } finally {
      sessions.values().forEach(ModelSession::close);
      if (peers != null) {
        peers.close();
      }
      if (real != null) {
        real.close();
      }
      placement.close();
    }
    return 0;
  }

  /**
   * Every model's median step time with the range of its rounds' medians, gaborflow's and the
   * peers', which took turns.
   */
  private void printRounds(
      Map<String, List<Double>> millis,
      Map<String, List<List<Double>>> peerRounds,
      double reference,
      String first) {
    Map<String, List<List<Double>>> all = new LinkedHashMap<>();
    millis.forEach(
        (name, flat) -> {
          List<List<Double>> byRound = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            byRound.add(flat.subList(r * steps, (r + 1) * steps));
          }
          all.put(name, byRound);
        });
    all.putAll(peerRounds);
    System.out.printf(
        "%nin turns: %d rounds of %d steps after warm-up; median ms/step, and the lowest and highest"
            + " round median%n",
        rounds, steps);
    for (var entry : all.entrySet()) {
      List<Double> every = new ArrayList<>();
      double low = Double.POSITIVE_INFINITY;
      double high = 0;
      for (List<Double> round : entry.getValue()) {
        every.addAll(round);
        double m = median(round);
        low = Math.min(low, m);
        high = Math.max(high, m);
      }
      double m = median(every);
      System.out.printf(
          "%-40s %9.1f  (%.1f-%.1f)  %6.2fx %s%n",
          entry.getKey(), m, low, high, m / reference, first);
    }
  }

  /** Which form each layer that could take either was built in, and why. */
  private static void printForms(String name, LayerForms forms) {
    if (forms.choices().isEmpty()) {
      System.out.printf(
          "%s: mixed layers %s (as given)%n",
          name, forms.options().layerForm().name().toLowerCase(java.util.Locale.ROOT));
      return;
    }
    System.out.printf("%s: layer forms chosen by --layer-form auto%n", name);
    for (LayerForms.Choice c : forms.choices()) {
      String measured =
          c.micros().entrySet().stream()
              .map(
                  e ->
                      String.format(
                          java.util.Locale.ROOT,
                          "%.1f ms %s",
                          e.getValue() / 1000.0,
                          e.getKey().name().toLowerCase(java.util.Locale.ROOT)))
              .collect(java.util.stream.Collectors.joining(", "));
      System.out.printf(
          "  %-24s %-14s %s%n",
          c.layer(),
          c.form().name().toLowerCase(java.util.Locale.ROOT),
          switch (c.origin()) {
            case CACHED -> "cached (" + c.shape() + ")";
            case MEASURED -> "measured: " + measured + " (" + c.shape() + ")";
            case WITHIN_NOISE ->
                "measured, margins within the noise, not cached: "
                    + measured
                    + " ("
                    + c.shape()
                    + ")";
          });
    }
  }

  private static void printTrace(String name, StepTrace trace) {
    long total = trace.microsByType().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "%n%s: %.1f ms of op time in a step (each op's fastest of the traced steps)%n",
        name, total / 1000.0);
    trace.microsByType().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(14)
        .forEach(
            e ->
                System.out.printf(
                    "  %-28s %8.2f ms %5.1f%%%n",
                    e.getKey(), e.getValue() / 1000.0, 100.0 * e.getValue() / total));
    System.out.println("  slowest nodes:");
    trace.nodes().stream()
        .sorted(Comparator.comparingLong(StepTrace.Node::micros).reversed())
        .limit(12)
        .forEach(
            n ->
                System.out.printf(
                    "    %-52s %-8s %-28s %7.2f ms%n",
                    n.name(), n.layer(), n.type(), n.micros() / 1000.0));
  }

  /** Milliseconds of op time per layer, forward and backward, the models side by side. */
  private static void printLayers(Map<String, StepTrace> traces) {
    Map<String, Map<String, Map<StepTrace.Pass, Long>>> byModel = new LinkedHashMap<>();
    Set<String> layers = new LinkedHashSet<>();
    traces.forEach(
        (name, trace) -> {
          byModel.put(name, trace.microsByLayer());
          layers.addAll(trace.microsByLayer().keySet());
        });
    System.out.printf(
        "%nop time by layer, ms (forward + backward; the optimizer's update on its own row)%n");
    System.out.printf("%-10s", "layer");
    byModel.keySet().forEach(name -> System.out.printf(" %24s", name));
    System.out.println();
    List<String> ordered = new ArrayList<>(layers);
    ordered.sort(StepTrace.LAYER_ORDER);
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String layer : ordered) {
      System.out.printf("%-10s", layer);
      byModel.forEach(
          (name, table) -> {
            Map<StepTrace.Pass, Long> passes = table.getOrDefault(layer, Map.of());
            long forward = passes.getOrDefault(StepTrace.Pass.FORWARD, 0L);
            long rest =
                passes.getOrDefault(StepTrace.Pass.BACKWARD, 0L)
                    + passes.getOrDefault(StepTrace.Pass.UPDATE, 0L);
            totals.merge(name, forward + rest, Long::sum);
            System.out.printf(
                " %24s", String.format("%.2f + %.2f", forward / 1000.0, rest / 1000.0));
          });
      System.out.println();
    }
    System.out.printf("%-10s", "total");
    totals.values().forEach(t -> System.out.printf(" %24.2f", t / 1000.0));
    System.out.println();
  }
}
