package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.Prefetcher;
import io.gaborflow.tensorflow.graph.FloatTensors;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs the inference pass of a training graph: loss and accuracy over a split, logits of a batch.
 */
final class Evaluator {
  private final Session session;
  private final TrainingGraph training;

  Evaluator(Session session, TrainingGraph training) {
    this.session = session;
    this.training = training;
  }

  /**
   * Mean loss and accuracy over {@code set}, in batches of {@code batchSize} read ahead in index
   * order; images that cannot be decoded and are skipped are not counted.
   */
  Evaluation evaluate(ImageSamples set, int batchSize) {
    double lossSum = 0;
    double correctSum = 0;
    int evaluated = 0;
    BatchPlan plan = BatchPlan.inOrder(set.size(), batchSize);
    try (Prefetcher batches = new Prefetcher(set, plan)) {
      for (int step = 0; step < plan.stepsPerEpoch(); step++) {
        Batch batch = batches.next(1, step);
        if (batch.count() == 0) {
          continue;
        }
        try (TFloat32 x = BatchTensors.images(batch, training.network.spec().input());
            TInt32 y = BatchTensors.labels(batch);
            Result result =
                session
                    .runner()
                    .feed(training.network.images(), x)
                    .feed(training.labels, y)
                    .fetch(training.evaluationLoss)
                    .fetch(training.correct)
                    .run()) {
          lossSum += ((TFloat32) result.get(0)).getFloat() * batch.count();
          correctSum += ((TFloat32) result.get(1)).getFloat();
        }
        evaluated += batch.count();
      }
    }
    int n = Math.max(1, evaluated);
    return new Evaluation(lossSum / n, correctSum / n, evaluated);
  }

  /** The logits of {@code batch}'s images, row by row. */
  float[] logits(Batch batch) {
    try (TFloat32 x = BatchTensors.images(batch, training.network.spec().input());
        Result result =
            session
                .runner()
                .feed(training.network.images(), x)
                .fetch(training.network.logits())
                .run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }
}
