package io.gaborflow.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.gabor.GaborBankSpec.QuadraturePair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How complex cells change a bank's outputs, and what they do not change. */
class ComplexCellsSpecTest {
  private static FixedGaborBankSpec bank(double... phases) {
    return new FixedGaborBankSpec(
        "gabor", GaborBankSpec.builder().orientations(2).phases(phases).build());
  }

  @Test
  void pairsAreTwoPhasesNinetyDegreesApartOfOneOrientation() {
    // Filters: orientation 0 -> 0, 1, 2; orientation 1 -> 3, 4, 5 (phases 0, 90, 180).
    assertEquals(
        List.of(new QuadraturePair(0, 1), new QuadraturePair(3, 4)),
        bank(0, 90, 180).gabor().quadraturePairs());
    // 0 is 90 past 270: pairs wrap around the circle.
    assertEquals(
        List.of(new QuadraturePair(1, 0), new QuadraturePair(3, 2)),
        bank(0, 270).gabor().quadraturePairs());
    assertEquals(List.of(), bank(0, 45).gabor().quadraturePairs());
  }

  @Test
  void complexCellsAddOutputsButNoWeights() {
    FixedGaborBankSpec simple = bank(0, 90);
    FixedGaborBankSpec complex = simple.withComplexCells();
    assertEquals(4, simple.filters());
    assertEquals(6, complex.filters());
    assertEquals(4, complex.kernels());
    NetworkSpec simpleNet = net(simple);
    NetworkSpec complexNet = net(complex);
    assertEquals(
        ParameterCount.of(simpleNet).fixed(), ParameterCount.of(complexNet).fixed(), "weights");
    assertEquals(
        ParameterCount.of(simpleNet).gaborFilters(), ParameterCount.of(complexNet).gaborFilters());
    // The dense layer after it reads 2 more 6x6 maps.
    assertEquals(
        2L * 6 * 6 * 10,
        ParameterCount.of(complexNet).learnable() - ParameterCount.of(simpleNet).learnable());
  }

  @Test
  void aCountOfOutputsIsMetWithTheKernelsWhosePairsMakeIt() {
    FixedGaborBankSpec complex = bank(0, 90).withComplexCells();
    FixedGaborBankSpec nine = complex.withFilters(9); // 6 kernels (3 orientations) + 3 pairs
    assertEquals(9, nine.filters());
    assertEquals(6, nine.kernels());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> complex.withFilters(2));
    assertEquals(
        "bank gabor: no number of Gabor kernels gives 2 outputs with their complex cells; choose"
            + " another count",
        e.getMessage());
  }

  private static NetworkSpec net(FixedGaborBankSpec gabor) {
    return NetworkSpec.builder("test.Net", "net", FeatureShape.spatial(8, 8, 1), 10)
        .layer(
            "gabor",
            new ConvLayerSpec(
                3,
                1,
                Padding.VALID,
                Activation.RELU,
                List.of(gabor, new LearnableBankSpec("conv", 8, Initializer.GLOROT_UNIFORM))))
        .layer("flat", new FlattenLayerSpec("flat"))
        .layer(
            "logits", new DenseLayerSpec("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM))
        .build();
  }
}
