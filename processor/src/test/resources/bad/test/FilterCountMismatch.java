package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class FilterCountMismatch {
  @Conv(layer = 1, size = 5, filters = 20)
  @Fixed(gabor = @Gabor(orientations = 4, phases = {0, 90}))
  Bank gabor;

  @Conv(layer = 1, size = 5)
  @Learnable(filters = 10)
  Bank conv;

  @Dense(layer = 2, units = 10, activation = Activation.NONE)
  Layer logits;
}
