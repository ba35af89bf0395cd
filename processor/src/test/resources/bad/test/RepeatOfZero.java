package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Block;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Padding;

@Network(height = 12, width = 12, channels = 1, classes = 10)
public class RepeatOfZero {
  @Block(width = 8)
  public static class Unit {
    @Conv(layer = 1, size = 3, padding = Padding.SAME) @Learnable(filters = 8) Bank conv;
  }

  @Conv(layer = 1, size = 3) @Learnable(filters = 8) Bank conv;
  @Blocks(layer = 2, count = 0) Unit blocks;
  @Dense(layer = 3, units = 10, activation = Activation.NONE) Layer logits;
}
