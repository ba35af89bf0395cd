package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 8, width = 8, channels = 1, classes = 10)
class InputTooSmall {
  @Conv(layer = 1, size = 5)
  @Learnable(filters = 8)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool;

  @Conv(layer = 3, size = 5)
  @Learnable(filters = 8)
  Bank conv2;

  @Dense(layer = 4, units = 10, activation = Activation.NONE)
  Layer logits;
}
