package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class NoiseWithoutScale {
  @Conv(layer = 1, size = 5)
  @Fixed(gabor = @Gabor, noise = @Noise(kind = NoiseKind.POISSON, scale = 0))
  Bank gabor;

  @Conv(layer = 1, size = 5)
  @Learnable(filters = 8)
  Bank conv;

  @Dense(layer = 2, units = 10, activation = Activation.NONE)
  Layer logits;
}
