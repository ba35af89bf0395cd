package io.gaborflow.tensorflow.export;

import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.gabor.GaborParameters;
import java.util.List;

/**
 * A Gabor bank's filters as their parameters now (a parametric bank's as trained), and the
 * normalisation applied to each kernel: all it takes to compute the bank again.
 */
public record GaborBankParameters(List<GaborParameters> filters, Normalization normalization) {
  /** Copies the filters. */
  public GaborBankParameters {
    filters = List.copyOf(filters);
  }
}
