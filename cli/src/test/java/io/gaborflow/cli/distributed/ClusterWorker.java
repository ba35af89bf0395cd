package io.gaborflow.cli.distributed;

import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.placement.Placement;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.StepEvent;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One worker of the multi-process tests (or, with no cluster, the one-process reference): trains
 * gabor-lenet on a slice of the embedded data and writes its learnable values after the sampled
 * steps, as {@code OUT/epoch-E-step-S.bin}.
 *
 * <pre>ClusterWorker OUT [host:port,host:port TASK]</pre>
 */
public final class ClusterWorker {
  static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(2)
          .batchSize(64)
          .learningRate(1e-3f)
          .seed(7)
          .threads(1)
          .deterministic(true)
          .build();

  /** Steps after which the weights are written: (epoch, step). */
  static final Set<String> SAMPLED = Set.of("epoch-1-step-1", "epoch-1-step-5", "epoch-2-step-10");

  private ClusterWorker() {}

  static Dataset data() {
    return DaggerDataComponent.create()
        .dataSources()
        .load(DataSpec.parse("embedded").limited(640, 200, 1));
  }

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    Placement where =
        args.length > 1
            ? Placement.worker(
                Cluster.of(args[1], Integer.parseInt(args[2])), Duration.ofSeconds(60))
            : Placement.local();
    try (where;
        ModelSession session =
            ModelSession.open(ModelCatalog.graph("gabor-lenet"), CONFIG, where)) {
      train(session, out);
    }
  }

  static void train(ModelSession session, Path out) {
    TrainingListener sampler =
        new TrainingListener() {
          @Override
          public void stepDone(StepEvent event) {
            String name = "epoch-" + event.epoch() + "-step-" + event.step();
            if (SAMPLED.contains(name)) {
              write(session, out.resolve(name + ".bin"));
            }
          }
        };
    Runs.train(session, data(), sampler);
    write(session, out.resolve("final.bin"));
  }

  private static void write(ModelSession session, Path file) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (LearnableVariable v : session.network().learnables()) {
      values.put(v.name(), session.valueOf(v.variable()));
    }
    try {
      Files.createDirectories(file.getParent());
      try (ObjectOutputStream stream = new ObjectOutputStream(Files.newOutputStream(file))) {
        stream.writeObject(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
