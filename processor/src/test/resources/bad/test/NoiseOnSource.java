package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class NoiseOnSource {
  @Conv(layer = 1, size = 3)
  @Fixed(source = @FilterSource(npy = "filters/sobel.npy"), noise = @Noise(kind = NoiseKind.GAUSSIAN))
  Bank fixed;

  @Conv(layer = 1, size = 3)
  @Learnable(filters = 8)
  Bank conv;

  @Dense(layer = 2, units = 10, activation = Activation.NONE)
  Layer logits;
}
