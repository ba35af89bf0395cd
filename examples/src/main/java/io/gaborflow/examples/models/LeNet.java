package io.gaborflow.examples.models;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;

/** Caffe's LeNet (conv 5x5x20, pool, conv 5x5x50, pool, dense 500, dense 10), all learnable. */
@Network(height = 28, width = 28, channels = 1, classes = 10, name = "lenet")
public class LeNet {
  @Conv(layer = 1, size = 5)
  @Learnable(filters = 20)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool1;

  @Conv(layer = 3, size = 5)
  @Learnable(filters = 50)
  Bank conv2;

  @MaxPool(layer = 4, size = 2)
  Layer pool2;

  @Dense(layer = 5, units = 500)
  Layer fc1;

  @Dense(layer = 6, units = 10, activation = Activation.NONE)
  Layer logits;
}
