package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void vOneGivesTheGaborBanksComplexCellsAndBenchsNoise() {
    PerfModel entry = PerfModel.parse("gabor-lenet+vone:per_bank");
    assertEquals("gabor-lenet", entry.model());
    assertEquals("lenet", entry.family());
    assertEquals(LayerForm.PER_BANK, entry.config(RUN).layerForm());
    // As bench --vone: the banks with quadrature pairs take complex cells and the noise.
    List<FixedGaborBankSpec> staged =
        gaborBanks(entry.graph().spec()).stream().filter(FixedGaborBankSpec::complexCells).toList();
    assertFalse(staged.isEmpty());
    for (FixedGaborBankSpec bank : staged) {
      assertEquals(PerfModel.V1_NOISE, bank.noise(), bank.name());
      assertTrue(bank.noise().present(), bank.name());
    }
    assertTrue(
        gaborBanks(PerfModel.parse("gabor-lenet").graph().spec()).stream()
            .noneMatch(FixedGaborBankSpec::complexCells));
  }

  private static List<FixedGaborBankSpec> gaborBanks(NetworkSpec spec) {
    List<FixedGaborBankSpec> banks = new ArrayList<>();
    for (var node : spec.nodes()) {
      if (node.layer() instanceof ConvLayerSpec conv) {
        conv.banks().stream()
            .filter(FixedGaborBankSpec.class::isInstance)
            .map(FixedGaborBankSpec.class::cast)
            .forEach(banks::add);
      }
    }
    return banks;
  }
}
