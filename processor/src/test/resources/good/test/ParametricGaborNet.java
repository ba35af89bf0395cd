package test;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GaborParameter;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.TrainableAt;

@Network(height = 28, width = 28, channels = 1, classes = 10, name = "parametric-gabor")
public class ParametricGaborNet {
  /** 10 Gabor filters whose orientations and envelopes learn, in the last 2 epochs of the run. */
  @Conv(layer = 1, size = 5)
  @Fixed(gabor = @Gabor(orientations = 5, wavelengths = 4, phases = {0, 90}, sigma = 2),
      learn = {GaborParameter.SIGMA, GaborParameter.THETA}, trainableEpochs = 2, trainableAt = TrainableAt.END)
  Bank gabor1;

  @Conv(layer = 1, size = 5)
  @Learnable(filters = 10)
  Bank conv1;

  @MaxPool(layer = 2, size = 2)
  Layer pool1;

  @Dense(layer = 3, units = 10, activation = Activation.NONE)
  Layer logits;
}
