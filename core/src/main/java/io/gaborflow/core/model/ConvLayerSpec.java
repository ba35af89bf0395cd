package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import java.util.List;

/** A convolution layer: its banks' outputs concatenated along channels, in declaration order. */
public record ConvLayerSpec(
    int index, int size, int stride, Padding padding, Activation activation, List<BankSpec> banks)
    implements LayerSpec {

  public ConvLayerSpec {
    banks = List.copyOf(banks);
  }

  public int filters() {
    return banks.stream().mapToInt(BankSpec::filters).sum();
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.spatial(
        Windows.outputSize(input.height(), size, stride, padding),
        Windows.outputSize(input.width(), size, stride, padding),
        filters());
  }
}
