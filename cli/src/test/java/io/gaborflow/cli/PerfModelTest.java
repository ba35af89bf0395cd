package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class PerfModelTest {
  private static final TrainingConfig RUN =
      TrainingConfig.DEFAULTS.toBuilder()
          .layerForm(LayerForm.PER_BANK)
          .precision(Precision.FP32)
          .build();

  @Test
  void aBareNameKeepsTheRunsFormAndPrecision() {
    PerfModel entry = PerfModel.parse("gabor-resnet20");
    assertEquals("gabor-resnet20", entry.model());
    assertEquals(LayerForm.PER_BANK, entry.config(RUN).layerForm());
    assertEquals(Precision.FP32, entry.config(RUN).precision());
    assertEquals("resnet20", entry.family());
  }

  @Test
  void formAndPrecisionApplyToTheirEntryOnly() {
    PerfModel entry = PerfModel.parse("gabor-nin:whole_layer@bf16");
    assertEquals("gabor-nin", entry.model());
    assertEquals("gabor-nin:whole_layer@bf16", entry.label());
    assertEquals(LayerForm.WHOLE_LAYER, entry.config(RUN).layerForm());
    assertEquals(Precision.BF16, entry.config(RUN).precision());
    assertEquals("nin", entry.family());

    TrainingConfig precisionOnly = PerfModel.parse("resnet20@BF16").config(RUN);
    assertEquals(Precision.BF16, precisionOnly.precision());
    assertEquals(LayerForm.PER_BANK, precisionOnly.layerForm());
  }

  @Test
  void anUnknownPrecisionIsNamedWithThePrecisionsThereAre() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PerfModel.parse("nin@fp8"));
    assertTrue(
        e.getMessage().startsWith("--models: no precision 'fp8'; use one of [fp32, bf16]"),
        e.getMessage());
  }
}
