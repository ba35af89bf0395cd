package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.ChildJvm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Print;
import org.tensorflow.op.strings.StringFormat;

/**
 * A process that uses TensorFlow through gaborflow prints none of TensorFlow's fixed start-up
 * lines, and what native code writes to stderr later still reaches the console.
 */
class NativeStartupTest {
  /** Starts TensorFlow through gaborflow, then has a graph print to stderr from native code. */
  public static void main(String[] args) {
    TensorFlowEnvironment.ensure();
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var message =
          tf.strings.stringFormat(
              List.of(tf.constant(7)),
              StringFormat.template("native stderr says %s"),
              StringFormat.placeholder("%s"));
      session.runner().addTarget(tf.print(message, Print.outputStream("stderr"))).run();
    }
  }

  private static ChildJvm.Result start(String logLevel) throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("TF_CPP_MIN_LOG_LEVEL", logLevel);
    ChildJvm.Result child =
        ChildJvm.run(NativeStartupTest.class, ChildJvm.classPath(), environment);
    assertEquals(0, child.exitCode(), child.output());
    return child;
  }

  @Test
  void theStartUpLinesAreGoneAndLaterNativeOutputShows() throws Exception {
    String output = start(null).output();
    assertFalse(output.contains("absl::InitializeLog"), output);
    assertFalse(output.contains("MLIR V1 optimization pass"), output);
    assertTrue(output.contains("native stderr says 7"), output);
  }

  @Test
  void infoTheUserAsksForStillShows() throws Exception {
    String output = start("0").output();
    assertTrue(output.contains("cpu_feature_guard"), output);
    assertFalse(output.contains("absl::InitializeLog"), output);
    assertTrue(output.contains("native stderr says 7"), output);
  }

  @Test
  void onlyTheFixedLinesAreDropped() {
    assertTrue(
        NativeStartup.isStartUpLine(
            "I0000 00:00:1796313051.117295   14556 mlir_graph_optimization_pass.cc:401] MLIR V1"
                + " optimization pass is not enabled"));
    assertFalse(
        NativeStartup.isStartUpLine(
            "W0000 00:00:1796313051.117295   14556 cpu_allocator_impl.cc:83] Allocation of"
                + " 1073741824 exceeds 10% of free system memory."));
  }
}
