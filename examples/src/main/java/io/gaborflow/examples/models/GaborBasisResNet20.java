package io.gaborflow.examples.models;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Add;
import io.gaborflow.core.annotation.BatchNorm;
import io.gaborflow.core.annotation.Block;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;

/**
 * {@link ResNet20} whose block convolutions learn only how to mix fixed Gabor responses: each 3x3
 * convolution is a fixed basis of 4 Gabor kernels (horizontal and vertical, even and odd phase)
 * applied to every input channel on its own, and a learned 1x1 convolution (Jacobsen et al.'s
 * structured receptive fields; Pérez et al.'s depthwise Gabor and 1x1). A block convolution then
 * learns {@code 4 Cin Cout} weights instead of {@code 9 Cin Cout}. The basis keeps each kernel's
 * mean (no normalisation), so a combination can still pass a channel's local average.
 */
@Network(height = 32, width = 32, channels = 3, classes = 10, name = "gabor-resnet20-basis")
public class GaborBasisResNet20 {
  /** {@link ResNet20.Basic} with both convolutions over the Gabor basis. */
  @Block(width = 16)
  public static class Basic {
    @Conv(
        layer = 1,
        size = 3,
        stride = Conv.BLOCK_STRIDE,
        padding = Padding.SAME,
        activation = Activation.NONE)
    @Learnable(
        filters = 16,
        initializer = Initializer.HE_NORMAL,
        basis =
            @Gabor(
                angles = {0, 90},
                wavelengths = 3,
                phases = {0, 90},
                sigma = 1,
                normalization = Normalization.NONE))
    Bank conv1;

    @BatchNorm(layer = 2, momentum = 0.9, activation = Activation.RELU)
    Layer bn1;

    @Conv(layer = 3, size = 3, padding = Padding.SAME, activation = Activation.NONE)
    @Learnable(
        filters = 16,
        initializer = Initializer.HE_NORMAL,
        basis =
            @Gabor(
                angles = {0, 90},
                wavelengths = 3,
                phases = {0, 90},
                sigma = 1,
                normalization = Normalization.NONE))
    Bank conv2;

    @BatchNorm(layer = 4, momentum = 0.9)
    Layer bn2;

    @Add(layer = 5)
    Layer shortcut;
  }

  @Conv(layer = 1, size = 3, padding = Padding.SAME, activation = Activation.NONE)
  @Learnable(filters = 16, initializer = Initializer.HE_NORMAL)
  Bank conv1;

  @BatchNorm(layer = 2, momentum = 0.9, activation = Activation.RELU)
  Layer bn1;

  @Blocks(layer = 3, count = 3, width = 16)
  Basic stage1;

  @Blocks(layer = 4, count = 3, width = 32, stride = 2)
  Basic stage2;

  @Blocks(layer = 5, count = 3, width = 64, stride = 2)
  Basic stage3;

  @GlobalAvgPool(layer = 6)
  Layer pool;

  @Dense(layer = 7, units = 10, activation = Activation.NONE)
  Layer logits;
}
