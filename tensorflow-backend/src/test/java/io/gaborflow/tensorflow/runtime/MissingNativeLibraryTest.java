package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A project that forgets the native artifact is told which dependency to add, not only "no
 * jnitensorflow in java.library.path".
 */
class MissingNativeLibraryTest {
  /** Loads TensorFlow and prints what went wrong, for the test's child process. */
  public static void main(String[] args) {
    try {
      TensorFlowEnvironment.ensure();
      System.out.println("loaded");
    } catch (IllegalStateException e) {
      System.out.println(e.getMessage());
      System.exit(3);
    }
  }

  @Test
  void withoutTheNativeJarTheErrorNamesTheDependencyAndClassifier() throws Exception {
    String classifier = TensorFlowEnvironment.platformClassifier();
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.contains("tensorflow-core-native-1.1.0-" + classifier))
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command =
        List.of(
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
            "-cp",
            classpath,
            MissingNativeLibraryTest.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child process did not finish");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(3, child.exitValue(), output);
    assertTrue(output.contains(TensorFlowEnvironment.NATIVE_ARTIFACT), output);
    assertTrue(output.contains("classifier of this platform, " + classifier), output);
  }
}
