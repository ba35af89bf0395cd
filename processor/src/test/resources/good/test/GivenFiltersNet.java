package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.FilterSupplier;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.FilterSource;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;

/** Fixed banks from an .npy resource, from a supplier class and from an earlier model. */
@Network(height = 28, width = 28, channels = 1, classes = 10)
public class GivenFiltersNet {
  /** A 3x3 box blur on the single input channel, 1 filter. */
  public static final class Blur implements FilterSupplier {
    @Override
    public int[] shape() {
      return new int[] {3, 3, 1, 1};
    }

    @Override
    public float[] values() {
      float[] v = new float[9];
      java.util.Arrays.fill(v, 1 / 9f);
      return v;
    }
  }

  @Conv(layer = 1, size = 3)
  @Fixed(source = @FilterSource(npy = "filters/sobel.npy"))
  Bank sobel;

  @Conv(layer = 1, size = 3)
  @Fixed(source = @FilterSource(supplier = Blur.class, filters = 1))
  Bank blur;

  @Conv(layer = 1, size = 3)
  @Learnable(filters = 5)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool;

  @Conv(layer = 3, size = 3)
  @Fixed(source = @FilterSource(model = "runs/first", bank = "layer3/conv2", filters = 4))
  Bank reused;

  @Conv(layer = 3, size = 3)
  @Learnable(filters = 4)
  Bank conv2;

  @Dense(layer = 4, units = 10, activation = Activation.NONE)
  Layer logits;
}
