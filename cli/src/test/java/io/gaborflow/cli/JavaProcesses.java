package io.gaborflow.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Real JVMs for the tests that need separate processes (kills, worker clusters): this JVM's class
 * path.
 */
public final class JavaProcesses {
  private JavaProcesses() {}

  /** Waits until {@code condition} holds, polling; fails after {@code seconds}. */
  public static void waitFor(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }

  /** Starts {@code main} with {@code args}, standard output and error going to {@code output}. */
  public static Process start(Class<?> main, List<String> args, ProcessBuilder.Redirect output)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }
}
