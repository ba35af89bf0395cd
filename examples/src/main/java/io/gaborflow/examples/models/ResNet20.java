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
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Padding;

/**
 * ResNet-20 for CIFAR-10 (He et al. 2016, section 4.2): a 3x3 convolution of 16 filters, three
 * stages of three basic blocks with 16, 32 and 64 filters (the first block of the second and third
 * stage strides by 2 and projects its shortcut with a 1x1 convolution and batch normalisation),
 * global average pooling and a dense layer of 10. All learnable.
 *
 * <p>Batch normalisation keeps moving averages with momentum 0.9 (PyTorch's default) rather than
 * Keras' 0.99: an epoch of a small data set is a few hundred steps, after which averages at 0.99
 * still hold a good part of their start values and evaluation would normalise with them.
 */
@Network(height = 32, width = 32, channels = 3, classes = 10, name = "resnet20")
public class ResNet20 {
  /** Two 3x3 convolutions with batch normalisation, and the shortcut around them. */
  @Block(width = 16)
  public static class Basic {
    @Conv(
        layer = 1,
        size = 3,
        stride = Conv.BLOCK_STRIDE,
        padding = Padding.SAME,
        activation = Activation.NONE)
    @Learnable(filters = 16, initializer = Initializer.HE_NORMAL)
    Bank conv1;

    @BatchNorm(layer = 2, momentum = 0.9, activation = Activation.RELU)
    Layer bn1;

    @Conv(layer = 3, size = 3, padding = Padding.SAME, activation = Activation.NONE)
    @Learnable(filters = 16, initializer = Initializer.HE_NORMAL)
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
