package io.gaborflow.tensorflow.runtime;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * TensorFlow's one-time native start-up, run with its fixed start-up lines kept off the console.
 *
 * <p>Two lines come from the copy of Abseil logging inside TensorFlow's native library, which
 * {@code TF_CPP_MIN_LOG_LEVEL} does not reach and which Java cannot configure: Abseil's notice that
 * it logs to stderr before {@code absl::InitializeLog()}, and the MLIR pass's info line at the
 * first graph run. Both are printed once per process, so gaborflow triggers them once, with the
 * process's stderr (file descriptor 2, shared by native code and Java) pointed at a temporary file,
 * and then prints every captured line that is not one of {@link #START_UP_LINES}. Later native
 * output, warnings and errors included, goes to stderr untouched.
 */
final class NativeStartup {
  /** The lines dropped from what the start-up prints; everything else is passed on. */
  static final List<Pattern> START_UP_LINES =
      List.of(
          Pattern.compile(
              "WARNING: All log messages before absl::InitializeLog\\(\\) is called"
                  + " are written to STDERR"),
          Pattern.compile("I\\d{4} .*MLIR V1 optimization pass is not enabled"));

  private static final int STDERR = 2;
  private static final int O_WRONLY = 1;

  private NativeStartup() {}

  /**
   * Runs TensorFlow's first graph, printing its start-up output without {@link #START_UP_LINES}.
   */
  static void run() {
    if (Platform.isWindows()) {
      runFirstGraph();
      return;
    }
    Path capture;
    try {
      capture = Files.createTempFile("gaborflow-native-start-up", ".log");
    } catch (IOException e) {
      runFirstGraph();
      return;
    }
    TensorFlowEnvironment.CLibrary c = Native.load("c", TensorFlowEnvironment.CLibrary.class);
    System.err.flush();
    int saved = c.dup(STDERR);
    int target = c.open(capture.toString(), O_WRONLY);
    boolean redirected = saved >= 0 && target >= 0 && c.dup2(target, STDERR) >= 0;
    try {
      runFirstGraph();
    } finally {
      if (redirected) {
        System.err.flush();
        c.dup2(saved, STDERR);
      }
      if (target >= 0) {
        c.close(target);
      }
      if (saved >= 0) {
        c.close(saved);
      }
      passOn(capture);
    }
  }

  /** Whether {@code line} is one of the fixed start-up lines. */
  static boolean isStartUpLine(String line) {
    return START_UP_LINES.stream().anyMatch(p -> p.matcher(line).matches());
  }

  private static void passOn(Path capture) {
    try {
      for (String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
        if (!isStartUpLine(line)) {
          System.err.println(line);
        }
      }
      Files.delete(capture);
    } catch (IOException e) {
      throw new UncheckedIOException("TensorFlow's start-up output is in " + capture, e);
    }
  }

  /** The smallest graph whose run takes TensorFlow through its one-time initialisation. */
  private static void runFirstGraph() {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var sum = tf.math.add(tf.constant(1f), tf.constant(2f));
      session.runner().fetch(sum).run().close();
    }
  }
}
