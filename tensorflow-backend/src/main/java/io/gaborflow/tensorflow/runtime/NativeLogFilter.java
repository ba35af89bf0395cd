package io.gaborflow.tensorflow.runtime;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code TF_CPP_MIN_LOG_LEVEL} to the log lines that TensorFlow's own copy of Abseil
 * logging writes, which that variable does not reach: grappler's mixed-precision pass, for one,
 * prints two info lines for every graph it optimizes in {@code Precision.BF16}.
 *
 * <p>Those lines are written by native code straight to the process's stderr (file descriptor 2),
 * so the only place to drop them is between that descriptor and the console: stderr is pointed at a
 * named pipe read by a child process, {@code grep}, that writes every other line to the original
 * stderr. The filter is a separate process so that nothing is lost when the JVM dies: a crash
 * report or the last lines before a kill are still drained and passed on, and the filter ignores
 * the terminal's interrupt so that it outlives the JVM's shutdown after Ctrl-C. At a normal exit
 * the original stderr is put back and the filter is given a moment to pass on what it holds.
 *
 * <p>The lines dropped are exactly Abseil's lines of the severities the level hides (1: info, 2:
 * info and warnings, 3: also errors), recognised by Abseil's prefix ({@code I0000 00:00:...
 * file.cc:123] }); everything else passes unchanged, Java's own {@code System.err} included. Where
 * the filter cannot be set up (Windows, no {@code sh} or {@code grep}) stderr is left as it is.
 */
final class NativeLogFilter {
  private static final Logger LOG = LoggerFactory.getLogger(NativeLogFilter.class);

  private static final int STDERR = 2;
  private static final int O_WRONLY = 1;
  private static final int F_GETFL = 3;
  private static final int F_SETFL = 4;

  /** How long the filter process may take to open its end of the pipe. */
  private static final long OPEN_TIMEOUT_MILLIS = 5_000;

  /** How long a normal exit waits for the filter to pass on the lines it still holds. */
  private static final long DRAIN_TIMEOUT_MILLIS = 2_000;

  private NativeLogFilter() {}

  /**
   * The extended regular expression of the Abseil lines that {@code minLogLevel} hides, or null
   * when it hides none.
   */
  static String hiddenLines(int minLogLevel) {
    String severities = "IWE".substring(0, Math.max(0, Math.min(3, minLogLevel)));
    if (severities.isEmpty()) {
      return null;
    }
    return "^[" + severities + "][0-9]{4} [0-9:.]+ +[0-9]+ [^ ]+:[0-9]+\\] ";
  }

  /** The level that {@code value} of {@code TF_CPP_MIN_LOG_LEVEL} names (TensorFlow's reading). */
  static int minLogLevel(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Puts the filter between stderr and the console, for the level the process environment has now;
   * does nothing when that level hides no line or the filter cannot be started.
   */
  static void install() {
    String pattern =
        hiddenLines(minLogLevel(TensorFlowEnvironment.nativeValue("TF_CPP_MIN_LOG_LEVEL")));
    if (pattern == null || !(Platform.isLinux() || Platform.isMac())) {
      return;
    }
    try {
      installFilter(pattern);
    } catch (IOException | RuntimeException e) {
      LOG.debug("TensorFlow's Abseil log lines are not filtered: {}", e.toString());
    }
  }

  private static void installFilter(String pattern) throws IOException {
    TensorFlowEnvironment.CLibrary c = Native.load("c", TensorFlowEnvironment.CLibrary.class);
    Path directory = Files.createTempDirectory("gaborflow-stderr");
    Path fifo = directory.resolve("stderr");
    if (c.mkfifo(fifo.toString(), 0600) != 0) {
      Files.delete(directory);
      throw new IOException("mkfifo " + fifo + " failed");
    }
    Process filter = null;
    int pipe = -1;
    try {
      // The ignored signals survive exec, so grep keeps draining after the terminal's Ctrl-C.
      filter =
          new ProcessBuilder(
                  "sh",
                  "-c",
                  "trap '' INT TERM HUP; exec grep -v --line-buffered -E \"$1\" < \"$2\" 1>&2",
                  "gaborflow-stderr-filter",
                  pattern,
                  fifo.toString())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      pipe = openForWriting(c, fifo, filter);
      System.err.flush();
      int original = c.dup(STDERR);
      if (original < 0 || c.dup2(pipe, STDERR) < 0) {
        throw new IOException("stderr could not be pointed at " + fifo);
      }
      c.close(pipe);
      pipe = -1;
      Process running = filter;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> restore(c, original, running), "gaborflow-stderr-filter-drain"));
      filter = null;
    } finally {
      if (pipe >= 0) {
        c.close(pipe);
      }
      if (filter != null) {
        filter.destroy();
      }
      Files.deleteIfExists(fifo);
      Files.deleteIfExists(directory);
    }
  }

  /**
   * Opens the pipe's writing end without blocking, once the filter has opened the reading end, and
   * makes it blocking again so that no line is dropped when the pipe is full.
   */
  private static int openForWriting(TensorFlowEnvironment.CLibrary c, Path fifo, Process filter)
      throws IOException {
    int nonBlocking = Platform.isMac() ? 0x0004 : 0x0800;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OPEN_TIMEOUT_MILLIS);
    while (true) {
      int fd = c.open(fifo.toString(), O_WRONLY | nonBlocking);
      if (fd >= 0) {
        int flags = c.fcntl(fd, F_GETFL, 0);
        if (flags < 0 || c.fcntl(fd, F_SETFL, flags & ~nonBlocking) < 0) {
          c.close(fd);
          throw new IOException("could not make " + fifo + " blocking");
        }
        return fd;
      }
      if (!filter.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("the filter process did not open " + fifo);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting the stderr filter", e);
      }
    }
  }

  /** Points stderr back at the console, which ends the filter's input, and lets it drain. */
  private static void restore(TensorFlowEnvironment.CLibrary c, int original, Process filter) {
    System.err.flush();
    c.dup2(original, STDERR);
    c.close(original);
    try {
      filter.waitFor(DRAIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
