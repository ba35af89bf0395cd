package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class GaborAndSource {
  @Conv(layer = 1, size = 3)
  @Fixed(gabor = @Gabor, source = @FilterSource(npy = "filters/sobel.npy"))
  Bank fixed;

  @Dense(layer = 2, units = 10, activation = Activation.NONE)
  Layer logits;
}
