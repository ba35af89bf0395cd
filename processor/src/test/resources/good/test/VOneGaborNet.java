package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Noise;
import io.gaborflow.core.annotation.NoiseKind;

@Network(height = 28, width = 28, channels = 1, classes = 10, name = "vone-gabor")
public class VOneGaborNet {
  /** 8 simple cells (4 orientations x 2 phases), 4 complex cells, Poisson-like noise on all 12. */
  @Conv(layer = 1, size = 5)
  @Fixed(gabor = @Gabor(orientations = 4, phases = {0, 90}, sigma = 2), complexCells = true,
      noise = @Noise(kind = NoiseKind.POISSON, scale = 0.5))
  Bank gabor1;

  @Conv(layer = 1, size = 5)
  @Learnable(filters = 12)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool1;

  @Dense(layer = 3, units = 10, activation = Activation.NONE)
  Layer logits;
}
