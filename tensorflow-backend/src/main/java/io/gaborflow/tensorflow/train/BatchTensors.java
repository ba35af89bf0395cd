package io.gaborflow.tensorflow.train;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.tensorflow.data.Batch;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** A batch's images and labels as the tensors a step is fed; the caller closes them. */
final class BatchTensors {
  private BatchTensors() {}

  static TFloat32 images(Batch batch, FeatureShape input) {
    Shape shape = Shape.of(batch.count(), input.height(), input.width(), input.channels());
    return TFloat32.tensorOf(
        shape, DataBuffers.of(batch.images(), true, false).narrow(shape.size()));
  }

  static TInt32 labels(Batch batch) {
    return TInt32.tensorOf(
        Shape.of(batch.count()), DataBuffers.of(batch.labels(), true, false).narrow(batch.count()));
  }
}
