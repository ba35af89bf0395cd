package io.gaborflow.examples.models;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.BatchNorm;
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
 * {@link ResNet20} with half-Gabor convolutions ({@link GaborSharedResNet20.Basic}) in its first
 * convolution and its first stage, the full-resolution layers, and learned ones in the stages after
 * it: fixed filters where the features are still edges, learned ones where they combine them.
 */
@Network(height = 32, width = 32, channels = 3, classes = 10, name = "gabor-resnet20-stage1")
public class GaborStage1ResNet20 {
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
  GaborSharedResNet20.Basic stage1;

  @Blocks(layer = 4, count = 3, width = 32, stride = 2)
  ResNet20.Basic stage2;

  @Blocks(layer = 5, count = 3, width = 64, stride = 2)
  ResNet20.Basic stage3;

  @GlobalAvgPool(layer = 6)
  Layer pool;

  @Dense(layer = 7, units = 10, activation = Activation.NONE)
  Layer logits;
}
