package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.ChildJvm;
import java.io.File;
import java.util.Arrays;
import java.util.Map;
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
        Arrays.stream(ChildJvm.classPath().split(File.pathSeparator))
            .filter(entry -> !entry.contains("tensorflow-core-native-1.1.0-" + classifier))
            .collect(Collectors.joining(File.pathSeparator));
    ChildJvm.Result child = ChildJvm.run(MissingNativeLibraryTest.class, classpath, Map.of());
    String output = child.output();
    assertEquals(3, child.exitCode(), output);
    assertTrue(output.contains(TensorFlowEnvironment.NATIVE_ARTIFACT), output);
    assertTrue(output.contains("classifier of this platform, " + classifier), output);
  }
}
