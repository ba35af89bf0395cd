package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Padding;
import java.util.List;

/**
 * A convolution layer: its banks' outputs concatenated along channels, in declaration order.
 *
 * @param stride the step between windows; {@link io.gaborflow.core.annotation.Conv#BLOCK_STRIDE}
 *     only in a {@link BlockSpec}, before a use gives it a value
 * @param bias whether each learnable filter has a bias (not when batch normalisation follows)
 */
public record ConvLayerSpec(
    int size,
    int stride,
    Padding padding,
    Activation activation,
    List<BankSpec> banks,
    boolean bias)
    implements LayerSpec {

  /** Copies the banks. */
  public ConvLayerSpec {
    banks = List.copyOf(banks);
  }

  /** A layer whose learnable banks have biases. */
  public ConvLayerSpec(
      int size, int stride, Padding padding, Activation activation, List<BankSpec> banks) {
    this(size, stride, padding, activation, banks, true);
  }

  /** Output channels: the banks' filters together. */
  public int filters() {
    return banks.stream().mapToInt(BankSpec::filters).sum();
  }

  /** The same layer with other banks (as many filters or not). */
  public ConvLayerSpec withBanks(List<BankSpec> newBanks) {
    return new ConvLayerSpec(size, stride, padding, activation, newBanks, bias);
  }

  @Override
  public <R> R accept(LayerVisitor<R> visitor) {
    return visitor.conv(this);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    return FeatureShape.spatial(
        Windows.outputSize(input.height(), size, stride, padding),
        Windows.outputSize(input.width(), size, stride, padding),
        filters());
  }
}
