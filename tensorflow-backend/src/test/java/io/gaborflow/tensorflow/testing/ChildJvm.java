package io.gaborflow.tensorflow.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM running one test class's {@code main}, for what only a new process shows: native
 * start-up, the process environment, a class path without the native jar.
 */
public final class ChildJvm {
  /** The child's exit code and its standard output and error, interleaved as printed. */
  public record Result(int exitCode, String output) {}

  private ChildJvm() {}

  /** This JVM's class path. */
  public static String classPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * Runs {@code main} on {@code classPath}, with {@code environment} changed as given (a null value
   * removes the variable), and waits at most two minutes for it.
   */
  public static Result run(Class<?> main, String classPath, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add(main.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    File output = File.createTempFile("child-jvm", ".log");
    output.deleteOnExit();
    builder.redirectOutput(output);
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String printed = java.nio.file.Files.readString(output.toPath(), StandardCharsets.UTF_8);
    assertTrue(finished, main.getSimpleName() + " did not finish in 2 minutes: " + printed);
    return new Result(process.exitValue(), printed);
  }
}
