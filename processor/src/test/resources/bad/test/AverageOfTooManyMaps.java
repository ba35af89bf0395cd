package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class AverageOfTooManyMaps {
  @Conv(layer = 1, size = 5)
  @Learnable(filters = 16)
  Bank conv;

  @GlobalAvgPool(layer = 2)
  Layer logits;
}
