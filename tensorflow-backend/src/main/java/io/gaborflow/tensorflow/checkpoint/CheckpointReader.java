package io.gaborflow.tensorflow.checkpoint;

import io.gaborflow.tensorflow.graph.FloatTensors;
import io.gaborflow.tensorflow.runtime.TensorFlowEnvironment;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Reads one float tensor from a TensorFlow checkpoint, with a graph of one restore op. */
final class CheckpointReader {
  static {
    TensorFlowEnvironment.ensure();
  }

  private CheckpointReader() {}

  static float[] read(String prefix, String name) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var restored =
          tf.train.restore(
              tf.constant(prefix),
              tf.constant(NdArrays.vectorOfObjects(name)),
              tf.constant(NdArrays.vectorOfObjects("")),
              List.of(TFloat32.class));
      try (Result r = s.runner().fetch(restored.tensors().get(0)).run()) {
        return FloatTensors.values((TFloat32) r.get(0));
      }
    }
  }
}
