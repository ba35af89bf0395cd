package io.gaborflow.tensorflow.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.testing.LocalPorts;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** The bridge: a session on a TensorFlow server's target runs the graph there. */
class RemoteSessionTest {
  @Test
  void aSessionOnTheServersTargetRunsTheGraphThere() throws IOException {
    int port = LocalPorts.free();
    try (ClusterRuntime runtime =
            ClusterRuntime.start(Cluster.of("127.0.0.1:" + port, 0), Duration.ofSeconds(10));
        Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var sum = tf.math.add(tf.constant(new float[] {1, 2}), tf.constant(new float[] {10, 20}));
      try (Session session = runtime.openSession(graph, 1, Precision.FP32);
          Result result = session.runner().fetch(sum).run()) {
        TFloat32 values = (TFloat32) result.get(0);
        assertEquals(11f, values.getFloat(0));
        assertEquals(22f, values.getFloat(1));
      }
    }
  }

  @Test
  void aTargetWithNoServerIsAnErrorNamingIt() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.constant(1f);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  RemoteSession.open(
                      graph, "nonsense://nowhere", ConfigProto.getDefaultInstance()));
      assertTrue(
          e.getMessage().startsWith("no session could be opened on nonsense://nowhere"),
          e.getMessage());
    }
  }
}
