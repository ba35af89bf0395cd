package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.*;

class LayerWithoutNetwork {
  @Conv(layer = 1, size = 5)
  @Learnable(filters = 8)
  Bank conv;
}
