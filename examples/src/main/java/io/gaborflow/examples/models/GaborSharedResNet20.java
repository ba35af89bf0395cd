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
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Padding;

/**
 * {@link ResNet20} with half of every 3x3 convolution a fixed Gabor bank: 4 orientations x 2 phases
 * at width 16, 8 and 16 orientations at widths 32 and 64. Projections stay learnable.
 *
 * <p>{@code SHARED} coverage (each filter sees its input's channel mean) makes the fixed half one
 * single-channel convolution per filter, with no filter gradient and as small an input gradient;
 * {@code SINGLE} would give each filter one channel and run as a full convolution, mostly zeros.
 *
 * <p>Catalogue name {@code gabor-resnet20-shared}; it was {@code gabor-resnet20} until the design
 * bench of issue 30, where it lost 2-3 points of CIFAR-10 accuracy (bench/README.md).
 */
@Network(height = 32, width = 32, channels = 3, classes = 10, name = "gabor-resnet20-shared")
public class GaborSharedResNet20 {
  /** {@link ResNet20.Basic}, each convolution half Gabor. */
  @Block(width = 16)
  public static class Basic {
    @Conv(
        layer = 1,
        size = 3,
        stride = Conv.BLOCK_STRIDE,
        padding = Padding.SAME,
        activation = Activation.NONE)
    @Fixed(
        gabor =
            @Gabor(
                orientations = 4,
                wavelengths = 3,
                phases = {0, 90},
                sigma = 1))
    Bank gabor1;

    @Conv(
        layer = 1,
        size = 3,
        stride = Conv.BLOCK_STRIDE,
        padding = Padding.SAME,
        activation = Activation.NONE)
    @Learnable(filters = 8, initializer = Initializer.HE_NORMAL)
    Bank conv1;

    @BatchNorm(layer = 2, momentum = 0.9, activation = Activation.RELU)
    Layer bn1;

    @Conv(layer = 3, size = 3, padding = Padding.SAME, activation = Activation.NONE)
    @Fixed(
        gabor =
            @Gabor(
                orientations = 4,
                wavelengths = 3,
                phases = {0, 90},
                sigma = 1))
    Bank gabor2;

    @Conv(layer = 3, size = 3, padding = Padding.SAME, activation = Activation.NONE)
    @Learnable(filters = 8, initializer = Initializer.HE_NORMAL)
    Bank conv2;

    @BatchNorm(layer = 4, momentum = 0.9)
    Layer bn2;

    @Add(layer = 5)
    Layer shortcut;
  }

  @Conv(layer = 1, size = 3, padding = Padding.SAME, activation = Activation.NONE)
  @Fixed(
      gabor =
          @Gabor(
              orientations = 4,
              wavelengths = 3,
              phases = {0, 90},
              sigma = 1))
  Bank gabor1;

  @Conv(layer = 1, size = 3, padding = Padding.SAME, activation = Activation.NONE)
  @Learnable(filters = 8, initializer = Initializer.HE_NORMAL)
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
