package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class BasisOfTwo {
  @Conv(layer = 1, size = 3)
  @Learnable(filters = 8, basis = {@Gabor(orientations = 2), @Gabor(orientations = 4)})
  Bank conv;

  @Dense(layer = 2, units = 10, activation = Activation.NONE)
  Layer logits;
}
