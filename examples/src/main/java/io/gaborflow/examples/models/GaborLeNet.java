package io.gaborflow.examples.models;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;

/**
 * {@link LeNet} with half of each convolution layer a fixed Gabor bank (Sarwar, Panda and Roy
 * 2017). The banks are the ones the hand-wired Keras and PyTorch versions use: 5x5 kernels, λ = 4,
 * σ = 2, γ = 0.5, zero mean and unit norm, the same kernel over every input channel.
 */
@Network(height = 28, width = 28, channels = 1, classes = 10, name = "gabor-lenet")
public class GaborLeNet {
  /** 5 orientations x 2 phases = 10 fixed filters. */
  @Conv(layer = 1, size = 5)
  @Fixed(
      gabor =
          @Gabor(
              orientations = 5,
              wavelengths = 4,
              phases = {0, 90},
              sigma = 2))
  Bank gabor1;

  @Conv(layer = 1, size = 5)
  @Learnable(filters = 10)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool1;

  /** 25 orientations x 1 phase = 25 fixed filters. */
  @Conv(layer = 3, size = 5)
  @Fixed(gabor = @Gabor(orientations = 25, wavelengths = 4, phases = 0, sigma = 2))
  Bank gabor2;

  @Conv(layer = 3, size = 5)
  @Learnable(filters = 25)
  Bank conv2;

  @MaxPool(layer = 4, size = 2)
  Layer pool2;

  @Dense(layer = 5, units = 500)
  Layer fc1;

  @Dense(layer = 6, units = 10, activation = Activation.NONE)
  Layer logits;
}
