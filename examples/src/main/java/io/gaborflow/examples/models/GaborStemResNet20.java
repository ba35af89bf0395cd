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
 * {@link ResNet20} with fixed Gabor filters in its first convolution only, where VOneNet and
 * Imamura and Arizumi (2021) put them: 8 of the 16 filters read the image's channel mean through 4
 * orientations x 2 phases; every block learns all of its filters.
 *
 * <p>The catalogue's {@code gabor-resnet20}: of the Gabor designs for ResNet-20, the one that keeps
 * resnet20's accuracy in the 30-epoch CIFAR-10 bench (bench/README.md, issue 30). It saves no
 * training time: the first convolution is under 1 % of the step.
 */
@Network(height = 32, width = 32, channels = 3, classes = 10, name = "gabor-resnet20")
public class GaborStemResNet20 {
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
  ResNet20.Basic stage1;

  @Blocks(layer = 4, count = 3, width = 32, stride = 2)
  ResNet20.Basic stage2;

  @Blocks(layer = 5, count = 3, width = 64, stride = 2)
  ResNet20.Basic stage3;

  @GlobalAvgPool(layer = 6)
  Layer pool;

  @Dense(layer = 7, units = 10, activation = Activation.NONE)
  Layer logits;
}
