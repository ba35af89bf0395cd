package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Padding;

/** Uses a block class that another processor generates in the first round. */
@Network(height = 8, width = 8, channels = 1, classes = 2)
public class UsesGeneratedBlock {
  @Conv(layer = 1, size = 3, padding = Padding.SAME) @Learnable(filters = 4) Bank conv;
  @Blocks(layer = 2, count = 2) GeneratedBlock blocks;
  @Dense(layer = 3, units = 2, activation = Activation.NONE) Layer logits;
}
