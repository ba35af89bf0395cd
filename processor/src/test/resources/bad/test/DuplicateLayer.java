package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class DuplicateLayer {
  @Conv(layer = 1, size = 5)
  @Learnable(filters = 8)
  Bank conv;

  @MaxPool(layer = 2, size = 2)
  Layer pool;

  @Flatten(layer = 2)
  Layer flat;

  @Dense(layer = 3, units = 10, activation = Activation.NONE)
  Layer logits;
}
