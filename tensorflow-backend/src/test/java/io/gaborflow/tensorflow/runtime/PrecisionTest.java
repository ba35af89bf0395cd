package io.gaborflow.tensorflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.RewriterConfig;

/** bfloat16 is asked of TensorFlow's rewriter only where the CPU computes it natively. */
class PrecisionTest {
  private static final String ZEN3 =
      "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
          + "flags\t\t: fpu sse2 avx avx2 fma\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n"
          + "flags\t\t: fpu sse2 avx avx2 fma\n";
  private static final String COOPER_LAKE =
      "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8380H\n"
          + "flags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\n";

  @Test
  void cpuinfoGivesTheModelAndWhetherBf16IsNative() {
    CpuFeatures zen3 = CpuFeatures.parse(ZEN3);
    assertEquals("AMD EPYC 7B13", zen3.model());
    assertTrue(zen3.flags().contains("avx2"));
    assertFalse(zen3.bf16());
    assertTrue(CpuFeatures.parse(COOPER_LAKE).bf16());
  }

  @Test
  void bf16WithoutTheFlagIsRefusedNamingTheSettingTheFlagAndTheCpu() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Precision.BF16.requireSupportedBy(CpuFeatures.parse(ZEN3)));
    assertTrue(e.getMessage().contains("TrainingConfig.precision BF16"), e.getMessage());
    assertTrue(e.getMessage().contains("avx512_bf16"), e.getMessage());
    assertTrue(e.getMessage().contains("AMD EPYC 7B13"), e.getMessage());
    Precision.FP32.requireSupportedBy(CpuFeatures.parse(ZEN3));
    Precision.BF16.requireSupportedBy(CpuFeatures.parse(COOPER_LAKE));
  }

  @Test
  void onlyBf16TurnsOnTheOnednnBfloat16Rewrite() {
    assertEquals(
        RewriterConfig.Toggle.ON,
        Precision.BF16
            .sessionConfig(2)
            .getGraphOptions()
            .getRewriteOptions()
            .getAutoMixedPrecisionOnednnBfloat16());
    assertFalse(Precision.FP32.sessionConfig(2).hasGraphOptions());
    assertEquals(2, Precision.FP32.sessionConfig(2).getIntraOpParallelismThreads());
  }

  @Test
  void aSessionOnThisMachineOpensInBf16ExactlyWhenItsCpuCan() {
    TrainingConfig bf16 =
        TrainingConfig.builder().precision(Precision.BF16).threads(1).epochs(1).build();
    if (CpuFeatures.ofThisMachine().bf16()) {
      try (ModelSession session = ModelSession.open(new SmallGaborNet(), bf16)) {
        session.initialize(1);
        assertEquals(Precision.BF16, session.config().precision());
      }
    } else {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> ModelSession.open(new SmallGaborNet(), bf16));
      assertTrue(e.getMessage().contains(CpuFeatures.ofThisMachine().model()), e.getMessage());
    }
  }
}
