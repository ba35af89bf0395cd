// src/main/java/com/example/EdgeNet.java
package com.example;

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
import io.gaborflow.core.annotation.Padding;

/** Tells horizontal from vertical stripes: 8 fixed Gabor filters beside 8 learned ones. */
@Network(height = 16, width = 16, channels = 1, classes = 2, name = "edge-net")
public class EdgeNet {
  @Conv(layer = 1, size = 5, padding = Padding.SAME)
  @Fixed(gabor = @Gabor(orientations = 4, phases = {0, 90}, sigma = 2))
  Bank gabor;

  @Conv(layer = 1, size = 5, padding = Padding.SAME)
  @Learnable(filters = 8)
  Bank conv;

  @MaxPool(layer = 2, size = 2)
  Layer pool;

  @Dense(layer = 3, units = 2, activation = Activation.NONE)
  Layer logits;
}
