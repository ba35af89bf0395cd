package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

  @Test
  void theTestRunsOwnSettingIsKept() {
    // The build sets TF_ENABLE_ONEDNN_OPTS=1 for the tests; the user's choice stands for gaborflow.
    TensorFlowEnvironment.ensure();
    assertEquals(System.getenv("TF_ENABLE_ONEDNN_OPTS"), TensorFlowEnvironment.nativeValue("TF_ENABLE_ONEDNN_OPTS"));
    assertEquals(System.getenv("TF_CPP_MIN_LOG_LEVEL"), TensorFlowEnvironment.nativeValue("TF_CPP_MIN_LOG_LEVEL"));
  }
}
