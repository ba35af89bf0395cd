package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gaborflow.tensorflow.testing.ChildJvm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, String> environment = new HashMap<>();
    TensorFlowEnvironment.DEFAULTS.keySet().forEach(name -> environment.put(name, null));
    environment.put("TF_ENABLE_ONEDNN_OPTS", "0");
    ChildJvm.Result child = ChildJvm.run(Probe.class, ChildJvm.classPath(), environment);
    assertEquals(0, child.exitCode(), child.output());
    List<String> lines = child.output().lines().filter(l -> l.startsWith("TF_")).toList();
    List<String> expected = new java.util.ArrayList<>();
    TensorFlowEnvironment.DEFAULTS.forEach(
        (name, value) ->
            expected.add(name + "=" + (name.equals("TF_ENABLE_ONEDNN_OPTS") ? "0" : value)));
    assertEquals(
        expected, lines, "the unset ones get gaborflow's defaults, the exported one stays");
  }
}
