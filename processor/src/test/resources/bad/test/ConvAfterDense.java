package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class ConvAfterDense {
  @Dense(layer = 1, units = 100)
  Layer fc;

  @Conv(layer = 2, size = 3)
  @Learnable(filters = 8)
  Bank conv;

  @Dense(layer = 3, units = 10, activation = Activation.NONE)
  Layer logits;
}
