package io.gaborflow.tensorflow.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One loaded export serves many threads at once, each getting what one thread alone gets. */
class ConcurrentPredictTest {
  private static final int THREADS = 8;
  private static final int PREDICTIONS = 2_000;

  @Test
  void eightThreadsGetTheAnswersOfOne(@TempDir Path dir) throws Exception {
    Dataset data = SyntheticData.stripes(12, 4, 64, 50, 5);
    Path export = dir.resolve("model");
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(16).threads(1).build();
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, export);
    }
    ImageSamples test = data.test();
    try (ExportedModel model = ExportedModel.load(export)) {
      float[][] alone = new float[test.size()][];
      for (int i = 0; i < test.size(); i++) {
        alone[i] = model.predict(test.image(i), 1);
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<float[][]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int offset = t;
          results.add(
              pool.submit(
                  () -> {
                    float[][] got = new float[PREDICTIONS][];
                    for (int p = 0; p < PREDICTIONS; p++) {
                      got[p] = model.predict(test.image((p + offset) % test.size()), 1);
                    }
                    return got;
                  }));
        }
        for (int t = 0; t < THREADS; t++) {
          float[][] got = results.get(t).get();
          for (int p = 0; p < PREDICTIONS; p++) {
            assertArrayEquals(
                alone[(p + t) % test.size()], got[p], "thread " + t + ", prediction " + p);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
