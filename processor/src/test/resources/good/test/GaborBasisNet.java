package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Add;
import io.gaborflow.core.annotation.BatchNorm;
import io.gaborflow.core.annotation.Block;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Normalization;
import io.gaborflow.core.annotation.Padding;

/** Gabor basis banks, and two blocks of the same simple name. */
@Network(height = 16, width = 16, channels = 3, classes = 10, name = "gabor-basis")
public class GaborBasisNet {
  @Block(width = 8)
  public static class Basic {
    @Conv(layer = 1, size = 3, stride = Conv.BLOCK_STRIDE, padding = Padding.SAME, activation = Activation.NONE)
    @Learnable(
        filters = 8,
        basis = @Gabor(angles = {0, 90}, wavelengths = 3, phases = {0, 90}, sigma = 1, normalization = Normalization.NONE))
    Bank conv1;

    @BatchNorm(layer = 2, activation = Activation.RELU)
    Layer bn1;

    @Add(layer = 3)
    Layer shortcut;
  }

  public static class Plain {
    @Block(width = 8)
    public static class Basic {
      @Conv(layer = 1, size = 3, stride = Conv.BLOCK_STRIDE, padding = Padding.SAME, activation = Activation.NONE)
      @Learnable(filters = 8)
      Bank conv1;

      @BatchNorm(layer = 2, activation = Activation.RELU)
      Layer bn1;

      @Add(layer = 3)
      Layer shortcut;
    }
  }

  @Conv(layer = 1, size = 3, padding = Padding.SAME, activation = Activation.NONE)
  @Learnable(filters = 8, basis = @Gabor(orientations = 2, phases = {0, 90}))
  Bank stem;

  @BatchNorm(layer = 2, activation = Activation.RELU)
  Layer stemNorm;

  @Blocks(layer = 3, count = 1)
  Basic stage1;

  @Blocks(layer = 4, count = 1, width = 16, stride = 2)
  Plain.Basic stage2;

  @GlobalAvgPool(layer = 5)
  Layer pool;

  @Dense(layer = 6, units = 10, activation = Activation.NONE)
  Layer logits;
}
