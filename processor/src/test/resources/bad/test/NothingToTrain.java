package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

@Network(height = 28, width = 28, channels = 1, classes = 10)
class NothingToTrain {
  @Conv(layer = 1, size = 5)
  @Fixed(gabor = @Gabor(orientations = 5, phases = {0, 90}))
  Bank gabor;

  @GlobalAvgPool(layer = 2)
  Layer gap;
}
