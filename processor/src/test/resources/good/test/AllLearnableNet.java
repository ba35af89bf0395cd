package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.AvgPool;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Flatten;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;

/** Every layer kind but dropout, and no fixed bank at all. */
@Network(height = 16, width = 16, channels = 3, classes = 4)
public class AllLearnableNet {
  @Conv(layer = 1, size = 3, stride = 2)
  @Learnable(filters = 6, initializer = Initializer.HE_NORMAL)
  Bank conv;

  @AvgPool(layer = 2, size = 2, stride = 1)
  Layer pool;

  @GlobalAvgPool(layer = 3)
  Layer gap;

  @Flatten(layer = 4)
  Layer flat;

  @Dense(layer = 5, units = 4, activation = Activation.NONE)
  Layer logits;
}
