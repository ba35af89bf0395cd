package io.gaborflow.core.gabor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.Normalization;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A bank declared with a bare {@code @Gabor} and one from a bare {@code GaborBankSpec.builder()}
 * are the same bank.
 */
class GaborDefaultsTest {
  private static Object defaultOf(String element) throws NoSuchMethodException {
    return Gabor.class.getMethod(element).getDefaultValue();
  }

  @Test
  void theBuilderStartsFromTheAnnotationsDefaults() throws NoSuchMethodException {
    double sigma = (Double) defaultOf("sigma");
    assertTrue(Double.isNaN(sigma), "a left-out σ is derived from the bandwidth in both");
    GaborBankSpec fromAnnotation =
        GaborBankSpec.builder()
            .orientations((Integer) defaultOf("orientations"))
            .wavelengths((double[]) defaultOf("wavelengths"))
            .phases((double[]) defaultOf("phases"))
            .aspect((Double) defaultOf("aspect"))
            .bandwidth((Double) defaultOf("bandwidth"))
            .normalization((Normalization) defaultOf("normalization"))
            .coverage((ChannelCoverage) defaultOf("coverage"))
            .build();
    assertEquals(
        0,
        ((double[]) defaultOf("angles")).length,
        Arrays.toString((double[]) defaultOf("angles")));
    assertEquals(fromAnnotation, GaborBankSpec.builder().build());
  }
}
