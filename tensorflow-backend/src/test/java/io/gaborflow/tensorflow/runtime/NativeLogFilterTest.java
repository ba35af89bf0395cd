package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.gaborflow.tensorflow.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * TensorFlow's Abseil log lines, which {@code TF_CPP_MIN_LOG_LEVEL} does not reach, obey it all the
 * same in a process that uses TensorFlow through gaborflow: grappler's bfloat16 pass prints no info
 * line, while warnings, Java's stderr and native output that is not a log line still show.
 */
class NativeLogFilterTest {
  private static final String INFO_LINE =
      "I0000 00:00:1796707191.276582   30995 auto_mixed_precision.cc:2329] Running"
          + " auto_mixed_precision_onednn_bfloat16 graph optimizer";
  private static final String WARNING_LINE =
      "W0000 00:00:1796313051.117295   14556 cpu_allocator_impl.cc:83] Allocation of 1073741824"
          + " exceeds 10% of free system memory.";

  /** The C library's write, to put lines on file descriptor 2 as native code does. */
  interface Write extends Library {
    long write(int fd, byte[] bytes, long count);
  }

  /**
   * Starts TensorFlow through gaborflow, writes Abseil lines to file descriptor 2 from native code,
   * runs a graph through grappler's bfloat16 pass and prints a line of its own.
   */
  public static void main(String[] args) {
    TensorFlowEnvironment.ensure();
    Write c = Native.load("c", Write.class);
    for (String line : new String[] {INFO_LINE, WARNING_LINE}) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      c.write(2, bytes, bytes.length);
    }
    try (Graph graph = new Graph();
        Session session = new Session(graph, Precision.BF16.sessionConfig(1).build())) {
      Ops tf = Ops.create(graph);
      var product =
          tf.linalg.matMul(
              tf.constant(new float[][] {{1f, 2f}, {3f, 4f}}),
              tf.constant(new float[][] {{1f}, {1f}}));
      session.runner().fetch(product).run().close();
    }
    System.err.println("java stderr after the graph");
  }

  private static String run(String logLevel) throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("TF_CPP_MIN_LOG_LEVEL", logLevel);
    ChildJvm.Result child =
        ChildJvm.run(NativeLogFilterTest.class, ChildJvm.classPath(), environment);
    assertEquals(0, child.exitCode(), child.output());
    return child.output();
  }

  @Test
  void atTheDefaultLevelAbseilInfoLinesAreDroppedAndTheRestShows() throws Exception {
    String output = run(null);
    assertFalse(output.contains("auto_mixed_precision"), output);
    assertFalse(output.contains("MLIR V1 optimization pass"), output);
    assertTrue(output.contains(WARNING_LINE), output);
    assertTrue(output.contains("java stderr after the graph"), output);
  }

  @Test
  void atLevelZeroEveryLineShows() throws Exception {
    String output = run("0");
    assertTrue(output.contains(INFO_LINE), output);
    assertTrue(output.contains(WARNING_LINE), output);
  }

  @Test
  void atLevelTwoWarningsGoToo() throws Exception {
    String output = run("2");
    assertFalse(output.contains(WARNING_LINE), output);
    assertTrue(output.contains("java stderr after the graph"), output);
  }

  @Test
  void eachLevelHidesExactlyAbseilLinesOfItsSeverities() {
    assertNull(NativeLogFilter.hiddenLines(0));
    Pattern info = Pattern.compile(NativeLogFilter.hiddenLines(1));
    assertTrue(info.matcher(INFO_LINE).find());
    assertFalse(info.matcher(WARNING_LINE).find());
    assertFalse(info.matcher("Invalid argument: I0000 is not a shape").find());
    assertTrue(Pattern.compile(NativeLogFilter.hiddenLines(2)).matcher(WARNING_LINE).find());
    assertEquals(1, NativeLogFilter.minLogLevel("1"));
    assertEquals(0, NativeLogFilter.minLogLevel("verbose"));
  }
}
