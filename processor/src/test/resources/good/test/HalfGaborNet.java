package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Dropout;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Padding;

@Network(height = 28, width = 28, channels = 1, classes = 10, name = "half-gabor")
public class HalfGaborNet {
  @Conv(layer = 1, size = 5, filters = 20)
  @Fixed(gabor = @Gabor(orientations = 5, wavelengths = 4, phases = {0, 90}, sigma = 2))
  Bank gabor1;

  @Conv(layer = 1, size = 5)
  @Learnable(filters = 10)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool1;

  @Conv(layer = 3, size = 3, padding = Padding.SAME)
  @Fixed(gabor = @Gabor(angles = {0, 45, 90, 135}, wavelengths = {3, 6}, phases = 0,
      coverage = ChannelCoverage.SINGLE), trainableEpochs = 1)
  Bank gabor2;

  @Conv(layer = 3, size = 3, padding = Padding.SAME)
  @Learnable(filters = 8)
  Bank conv2;

  @MaxPool(layer = 4, size = 2)
  Layer pool2;

  @Dense(layer = 5, units = 64)
  Layer fc1;

  @Dropout(layer = 6, rate = 0.5)
  Layer drop;

  @Dense(layer = 7, units = 10, activation = Activation.NONE)
  Layer logits;
}
