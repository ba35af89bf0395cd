package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Settings reach native code's environment, and never replace what the user set. */
class TensorFlowEnvironmentTest {
  @Test
  void setsWhatIsUnsetAndKeepsWhatIsSet() {
    String unset = "GABORFLOW_TEST_UNSET_" + ProcessHandle.current().pid();
    assertNull(TensorFlowEnvironment.nativeValue(unset));
    TensorFlowEnvironment.setUnset(Map.of(unset, "2"));
    assertEquals("2", TensorFlowEnvironment.nativeValue(unset));
    TensorFlowEnvironment.setUnset(Map.of(unset, "0"));
    assertEquals("2", TensorFlowEnvironment.nativeValue(unset), "a value already set wins");
  }

  /**
   * Prints, after {@link TensorFlowEnvironment#ensure()}, what native code sees of each default.
   */
  public static final class Probe {
    public static void main(String[] args) {
      TensorFlowEnvironment.ensure();
      for (String name : TensorFlowEnvironment.DEFAULTS.keySet()) {
        System.out.println(name + "=" + TensorFlowEnvironment.nativeValue(name));
      }
    }
  }

  @Test
  void aProcessGetsTheDefaultsItLacksAndKeepsWhatTheUserExported() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            Probe.class.getName());
    builder.environment().remove("TF_CPP_MIN_LOG_LEVEL");
    builder.environment().put("TF_ENABLE_ONEDNN_OPTS", "0");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe finishes");
    assertEquals(0, process.exitValue(), output);
    List<String> lines = output.lines().filter(l -> l.startsWith("TF_")).toList();
    assertEquals(
        List.of(
            "TF_CPP_MIN_LOG_LEVEL=" + TensorFlowEnvironment.DEFAULTS.get("TF_CPP_MIN_LOG_LEVEL"),
            "TF_ENABLE_ONEDNN_OPTS=0"),
        lines,
        "the unset one gets gaborflow's default, the exported one stays");
  }
}
