package io.gaborflow.tensorflow.train;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.tensorflow.data.Batch;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A batch as a training graph is fed it: its images, and for steps and evaluations its labels, as
 * tensors that live until the feed is closed (after the run that reads them).
 */
final class BatchFeed implements AutoCloseable {
  private final TrainingGraph training;
  private final TFloat32 images;
  private final TInt32 labels;

  private BatchFeed(TrainingGraph training, TFloat32 images, TInt32 labels) {
    this.training = training;
    this.images = images;
    this.labels = labels;
  }

  /** {@code batch}'s images alone, for the inference pass. */
  static BatchFeed images(TrainingGraph training, Batch batch) {
    return new BatchFeed(training, imageTensor(batch, training.network().spec().input()), null);
  }

  /** {@code batch}'s images and labels, for a step or an evaluation. */
  static BatchFeed imagesAndLabels(TrainingGraph training, Batch batch) {
    TFloat32 images = imageTensor(batch, training.network().spec().input());
    try {
      TInt32 labels =
          TInt32.tensorOf(
              Shape.of(batch.count()),
              DataBuffers.of(batch.labels(), true, false).narrow(batch.count()));
      return new BatchFeed(training, images, labels);
    } catch (RuntimeException e) {
      images.close();
      throw e;
    }
  }

  /** {@code runner} fed this batch. */
  Session.Runner into(Session.Runner runner) {
    runner.feed(training.network().images(), images);
    if (labels != null) {
      runner.feed(training.labels(), labels);
    }
    return runner;
  }

  private static TFloat32 imageTensor(Batch batch, FeatureShape input) {
    Shape shape = Shape.of(batch.count(), input.height(), input.width(), input.channels());
    return TFloat32.tensorOf(
        shape, DataBuffers.of(batch.images(), true, false).narrow(shape.size()));
  }

  @Override
  public void close() {
    images.close();
    if (labels != null) {
      labels.close();
    }
  }
}
