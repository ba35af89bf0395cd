package io.gaborflow.examples.cli;

import static io.gaborflow.tensorflow.bench.VariantResult.median;

import io.gaborflow.examples.ModelCatalog;

import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.graph.InputSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.StepTrace;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingLoop;
import io.gaborflow.tensorflow.train.TrainingSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
  @Option(names = "--models", split = ",", description = "Models to time (default: ${DEFAULT-VALUE}).")
  List<String> models = List.of("lenet", "gabor-lenet");

  @Mixin StepOptions stepOptions = new StepOptions();

  @Option(names = "--warmup", description = "Untimed steps per model first (default: ${DEFAULT-VALUE}).")
  int warmup = 20;

  @Option(names = "--rounds", description = "Rounds of timed steps (default: ${DEFAULT-VALUE}).")
  int rounds = 10;

  @Option(names = "--steps", description = "Steps per model per round (default: ${DEFAULT-VALUE}).")
  int steps = 20;

  @Option(names = "--trace", description = "Also print the time per op type of a traced step.")
  boolean trace;

  @Option(names = "--peers", paramLabel = "PYTHON",
      description = "A Python with tensorflow and torch: also run the hand-wired Keras and PyTorch versions"
          + " (--peers-script) in the same invocation: the LeNets for one epoch of Fashion-MNIST (seconds per"
          + " epoch), or with ../shared/bench/nin_peers.py the NiNs (milliseconds per step).")
  String peersPython;

  @Option(names = "--peers-script", paramLabel = "FILE",
      description = "The peers' script (default: ${DEFAULT-VALUE}).")
  Path peersScript = Path.of("../shared/bench/seed_peers.py");

  @Option(names = "--peers-frameworks", split = ",", paramLabel = "NAME",
      description = "Which peers to run: keras, torch (default: both).")
  List<String> peersFrameworks = List.of();

  @Option(names = "--data", paramLabel = "SPEC",
      description = "Time on batches of this data set (as --data of train) instead of random images.")
  String data;

  @Option(names = "--steps-per-epoch", description = "Steps that make an epoch, to compare with the peers"
      + " (default: ${DEFAULT-VALUE}, Fashion-MNIST at batch 64).")
  int stepsPerEpoch = 60000 / 64;

  @Override
  public Integer call() {
    TrainingConfig config = stepOptions.config().epochs(1).build();
    int batchSize = config.batchSize();
    Map<String, TrainingSession> sessions = new LinkedHashMap<>();
    Map<String, float[]> images = new LinkedHashMap<>();
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    int[] labels = new int[batchSize];
    Random random = new Random(1);
    ImageSet real = data == null ? null
        : DaggerDataComponent.create().dataSources().load(DataSpec.parse(data)).train();
    int[] order = real == null ? null : TrainingLoop.batchOrder(real.size(), 1, 1);
    try {
      for (String name : models) {
        ModelGraph graph = ModelCatalog.graph(name);
        InputSpec in = graph.input();
        TrainingSession session = TrainingSession.create(graph, config);
        sessions.put(name, session);
        session.initialize(1);
        float[] x = new float[batchSize * in.pixelsPerImage()];
        for (int i = 0; i < x.length; i++) {
          x[i] = random.nextFloat();
        }
        images.put(name, x);
        millis.put(name, new ArrayList<>());
      }
      for (int i = 0; i < batchSize; i++) {
        labels[i] = random.nextInt(10);
      }
      for (String name : models) {
        for (int s = 0; s < warmup; s++) {
          sessions.get(name).trainStep(1, s, images.get(name), labels, batchSize);
        }
      }
      for (int round = 0; round < rounds; round++) {
        for (String name : models) {
          TrainingSession session = sessions.get(name);
          for (int s = 0; s < steps; s++) {
            if (real != null) {
              int batch = (round * steps + s) % (real.size() / batchSize);
              real.copyBatch(order, batch * batchSize, batchSize, images.get(name), labels);
            }
            long start = System.nanoTime();
            session.trainStep(1, s, images.get(name), labels, batchSize);
            millis.get(name).add((System.nanoTime() - start) / 1e6);
          }
        }
      }
      String first = models.get(0);
      double reference = median(millis.get(first));
      System.out.printf("%-22s %14s %10s %12s%n", "model", "ms/step (med)", "vs " + first, "s/epoch");
      for (String name : models) {
        double m = median(millis.get(name));
        System.out.printf("%-22s %14.1f %9.2fx %12.1f%n", name, m, m / reference, m * stepsPerEpoch / 1000);
      }
      if (peersPython != null) {
        for (String line : PeerRun.run(peersPython, peersScript, peersFrameworks)) {
          System.out.println(line);
        }
      }
      if (trace) {
        for (String name : models) {
          printTrace(name, sessions.get(name).traceTrainStep(1, images.get(name), labels, batchSize));
        }
      }
    } finally {
      sessions.values().forEach(TrainingSession::close);
    }
    return 0;
  }

  private static void printTrace(String name, StepTrace trace) {
    long total = trace.microsByType().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("%n%s: %.1f ms of op time in a traced step%n", name, total / 1000.0);
    trace.microsByType().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(14)
        .forEach(e -> System.out.printf("  %-28s %8.2f ms %5.1f%%%n", e.getKey(), e.getValue() / 1000.0,
            100.0 * e.getValue() / total));
    System.out.println("  slowest nodes:");
    trace.nodes().stream()
        .sorted(Comparator.comparingLong(StepTrace.Node::micros).reversed())
        .limit(12)
        .forEach(n -> System.out.printf("    %-60s %-22s %7.2f ms%n", n.name(), n.type(), n.micros() / 1000.0));
  }
}
