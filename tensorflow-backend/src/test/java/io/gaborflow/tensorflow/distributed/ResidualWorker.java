package io.gaborflow.tensorflow.distributed;

import io.gaborflow.tensorflow.placement.Placement;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallResidualNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * One worker of {@link BatchNormAcrossWorkersTest}: trains the small residual network (batch
 * normalisation, a projected shortcut) and writes every learnable value and moving statistic.
 *
 * <pre>ResidualWorker OUT host:port,host:port TASK</pre>
 */
public final class ResidualWorker {
  static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(2)
          .batchSize(16)
          .learningRate(5e-3f)
          .seed(9)
          .threads(1)
          .deterministic(true)
          .build();

  private ResidualWorker() {}

  public static void main(String[] args) throws IOException {
    try (Placement runtime =
            Placement.worker(
                Cluster.of(args[1], Integer.parseInt(args[2])), Duration.ofSeconds(60));
        ModelSession session = ModelSession.open(new SmallResidualNet(), CONFIG, runtime)) {
      Runs.train(session, SyntheticData.stripes(12, 4, 96, 16, 4), TrainingListener.silent());
      try (ObjectOutputStream out =
          new ObjectOutputStream(Files.newOutputStream(Path.of(args[0])))) {
        out.writeObject(new LinkedHashMap<>(SessionValues.all(session)));
      }
    }
  }
}
