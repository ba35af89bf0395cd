package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class ModelWithoutBank {
  @Conv(layer = 1, size = 3)
  @Fixed(source = @FilterSource(model = "runs/first", filters = 4))
  Bank fixed;

  @Dense(layer = 2, units = 10, activation = Activation.NONE)
  Layer logits;
}
