package io.gaborflow.core.gabor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Normalization;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterBankTest {

  private final GaborBankSpec spec =
      GaborBankSpec.builder().orientations(3).wavelengths(3, 5).phases(0, 90).sigma(1.5).build();

  @Test
  void filterCountIsTheProductOfTheLists() {
    assertEquals(12, spec.filterCount());
    assertEquals(12, FilterBank.of(spec, 5).filterCount());
  }

  @Test
  void orientationVariesSlowestAndPhaseFastest() {
    List<GaborParameters> filters = spec.filters(5);
    assertEquals(new GaborParameters(5, 1.5, 0, 3, 0.5, 0), filters.get(0));
    assertEquals(new GaborParameters(5, 1.5, 0, 3, 0.5, 90), filters.get(1));
    assertEquals(new GaborParameters(5, 1.5, 0, 5, 0.5, 0), filters.get(2));
    assertEquals(new GaborParameters(5, 1.5, 60, 3, 0.5, 0), filters.get(4));
  }

  @Test
  void withFilterCountKeepsWavelengthsAndPhasesAndCutsOrientations() {
    GaborBankSpec five = spec.withFilterCount(5);
    assertEquals(5, five.filterCount());
    assertEquals(List.of(0.0, 90.0), five.anglesDegrees(), "ceil(5 / (2 x 2)) = 2 orientations");
    assertEquals(spec.filters(5).get(0), five.filters(5).get(0));
    assertEquals(new GaborParameters(5, 1.5, 90, 3, 0.5, 0), five.filters(5).get(4));
    GaborBankSpec eight = spec.withFilterCount(8);
    assertEquals(0, eight.limit(), "a whole number of orientations needs no cut");
    assertEquals(8, FilterBank.of(eight, 3).filterCount());
  }

  @Test
  void normalisedKernelsHaveZeroMeanAndUnitNorm() {
    FilterBank bank = FilterBank.of(spec, 7);
    for (int f = 0; f < bank.filterCount(); f++) {
      double sum = 0;
      double squares = 0;
      for (double v : bank.kernel(f)) {
        sum += v;
        squares += v * v;
      }
      assertEquals(0, sum, 1e-12);
      assertEquals(1, squares, 1e-12);
    }
  }

  @Test
  void unnormalisedKernelsAreOpenCvValues() {
    GaborBankSpec raw =
        GaborBankSpec.builder()
            .angles(30)
            .wavelengths(4)
            .phases(0)
            .sigma(2)
            .normalization(Normalization.NONE)
            .build();
    double[] expected = GaborKernel.compute(new GaborParameters(5, 2, 30, 4, 0.5, 0));
    assertArrayEquals(expected, FilterBank.of(raw, 5).kernel(0));
  }

  @Test
  void sigmaDerivesFromBandwidth() {
    // One octave: σ = 3·sqrt(ln 2 / 2)/π · λ ≈ 0.562 λ, the usual rule of thumb.
    assertEquals(0.5622, GaborKernel.sigmaFromBandwidth(1, 1), 1e-4);
    GaborBankSpec byBandwidth = GaborBankSpec.builder().wavelengths(8).bandwidth(1).build();
    assertEquals(8 * 0.5622, byBandwidth.filters(5).get(0).sigma(), 1e-3);
  }

  @Test
  void sharedCoverageSpreadsEachKernelOverAllChannelsScaledByOneOverCin() {
    FilterBank bank = FilterBank.of(spec, 3);
    float[] hwio = bank.toHwio(4, ChannelCoverage.SHARED);
    int n = bank.filterCount();
    for (int f = 0; f < n; f++) {
      double[] k = bank.kernel(f);
      for (int pixel = 0; pixel < 9; pixel++) {
        for (int c = 0; c < 4; c++) {
          assertEquals((float) (k[pixel] / 4), hwio[(pixel * 4 + c) * n + f]);
        }
      }
    }
  }

  @Test
  void singleCoverageReadsOneChannelPerFilter() {
    FilterBank bank = FilterBank.of(spec, 3);
    float[] hwio = bank.toHwio(3, ChannelCoverage.SINGLE);
    int n = bank.filterCount();
    for (int f = 0; f < n; f++) {
      double[] k = bank.kernel(f);
      for (int pixel = 0; pixel < 9; pixel++) {
        for (int c = 0; c < 3; c++) {
          float expected = c == f % 3 ? (float) k[pixel] : 0f;
          assertEquals(expected, hwio[(pixel * 3 + c) * n + f]);
        }
      }
    }
  }
}
