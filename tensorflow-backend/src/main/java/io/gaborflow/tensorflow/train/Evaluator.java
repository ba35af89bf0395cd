package io.gaborflow.tensorflow.train;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.Prefetcher;
import io.gaborflow.tensorflow.graph.FloatTensors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Runs the inference pass of a training graph: loss and accuracy over a split, logits of a batch.
 * With flip evaluation (test-time augmentation), each image's class probabilities are the mean of
 * its own and its mirror image's, and loss and accuracy are those of the mean.
 */
final class Evaluator {
  private final Session session;
  private final TrainingGraph training;
  private final boolean flip;

  Evaluator(Session session, TrainingGraph training, boolean flip) {
    this.session = session;
    this.training = training;
    this.flip = flip;
  }

  /**
   * Mean loss and accuracy over {@code set}, and each of {@code metrics}, in batches of {@code
   * batchSize} read ahead in index order; images that cannot be decoded and are skipped are not
   * counted.
   */
  Evaluation evaluate(ImageSamples set, int batchSize, List<Metric> metrics) {
    double lossSum = 0;
    double correctSum = 0;
    int evaluated = 0;
    int classes = training.network().spec().classes();
    List<Metric.Accumulator> accumulators = metrics.stream().map(Metric::start).toList();
    BatchPlan plan = BatchPlan.inOrder(set.size(), batchSize);
    try (Prefetcher batches = new Prefetcher(set, plan)) {
      for (int step = 0; step < plan.stepsPerEpoch(); step++) {
        Batch batch = batches.next(1, step);
        if (batch.count() == 0) {
          continue;
        }
        if (flip) {
          Evaluation scored = flipAveraged(batch, accumulators);
          lossSum += scored.loss() * batch.count();
          correctSum += scored.accuracy() * batch.count();
          evaluated += batch.count();
          continue;
        }
        try (BatchFeed feed = BatchFeed.imagesAndLabels(training, batch)) {
          Session.Runner runner =
              feed.into(session.runner())
                  .fetch(training.evaluationLoss())
                  .fetch(training.correct());
          if (!accumulators.isEmpty()) {
            runner.fetch(training.probabilities());
          }
          try (Result result = runner.run()) {
            lossSum += ((TFloat32) result.get(0)).getFloat() * batch.count();
            correctSum += ((TFloat32) result.get(1)).getFloat();
            if (!accumulators.isEmpty()) {
              float[] probabilities = FloatTensors.values((TFloat32) result.get(2));
              accumulators.forEach(
                  a -> a.add(probabilities, batch.labels(), batch.count(), classes));
            }
          }
        }
        evaluated += batch.count();
      }
    }
    int n = Math.max(1, evaluated);
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      values.put(metrics.get(i).name(), accumulators.get(i).value());
    }
    return new Evaluation(lossSum / n, correctSum / n, evaluated, values);
  }

  /**
   * Loss and accuracy of {@code batch} from the mean of each image's and its mirror's; the mean
   * probabilities go to {@code accumulators}.
   */
  private Evaluation flipAveraged(Batch batch, List<Metric.Accumulator> accumulators) {
    FeatureShape input = training.network().spec().input();
    int classes = training.network().spec().classes();
    float[] direct = probabilities(batch);
    float[] mirrored = probabilities(mirrored(batch, input));
    double loss = 0;
    int correct = 0;
    float[] mean = new float[batch.count() * classes];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (direct[i] + mirrored[i]) / 2f;
    }
    accumulators.forEach(a -> a.add(mean, batch.labels(), batch.count(), classes));
    for (int b = 0; b < batch.count(); b++) {
      int best = 0;
      double bestP = -1;
      for (int k = 0; k < classes; k++) {
        double p = (direct[b * classes + k] + mirrored[b * classes + k]) / 2.0;
        if (p > bestP) {
          bestP = p;
          best = k;
        }
      }
      int label = batch.labels()[b];
      double truth = (direct[b * classes + label] + mirrored[b * classes + label]) / 2.0;
      loss -= Math.log(Math.max(truth, Float.MIN_NORMAL));
      correct += best == label ? 1 : 0;
    }
    int n = Math.max(1, batch.count());
    return new Evaluation(loss / n, (double) correct / n, batch.count());
  }

  /** {@code batch} with every image mirrored left to right. */
  private static Batch mirrored(Batch batch, FeatureShape input) {
    int width = input.width();
    int channels = input.channels();
    int row = width * channels;
    float[] source = batch.images();
    float[] flipped = new float[batch.count() * batch.pixelsPerImage()];
    for (int start = 0; start < flipped.length; start += row) {
      for (int x = 0; x < width; x++) {
        System.arraycopy(
            source, start + (width - 1 - x) * channels, flipped, start + x * channels, channels);
      }
    }
    return Batch.of(flipped, batch.labels(), batch.count(), batch.pixelsPerImage());
  }

  private float[] probabilities(Batch batch) {
    try (BatchFeed feed = BatchFeed.images(training, batch);
        Result result = feed.into(session.runner()).fetch(training.probabilities()).run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }

  /** The logits of {@code batch}'s images, row by row. */
  float[] logits(Batch batch) {
    try (BatchFeed feed = BatchFeed.images(training, batch);
        Result result = feed.into(session.runner()).fetch(training.network().logits()).run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }
}
