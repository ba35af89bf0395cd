package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.BatchNorm;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;

@Network(height = 12, width = 12, channels = 1, classes = 10)
public class BatchNormFirst {
  @BatchNorm(layer = 1) Layer norm;
  @Conv(layer = 2, size = 3) @Learnable(filters = 8) Bank conv;
  @Dense(layer = 3, units = 10, activation = Activation.NONE) Layer logits;
}
