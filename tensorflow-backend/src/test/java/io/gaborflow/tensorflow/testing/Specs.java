package io.gaborflow.tensorflow.testing;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import java.util.List;

/** Short ways to describe the small networks tests train. */
public final class Specs {
  private Specs() {}

  /**
   * A network of square {@code size} images with {@code channels} channels and {@code classes}
   * classes.
   */
  public static NetworkSpec.Builder network(String name, int size, int channels, int classes) {
    return NetworkSpec.builder(
        "test." + name, name, FeatureShape.spatial(size, size, channels), classes);
  }

  public static ConvLayerSpec conv(
      int size, int stride, Padding padding, Activation activation, BankSpec... banks) {
    return new ConvLayerSpec(size, stride, padding, activation, List.of(banks));
  }

  public static LearnableBankSpec learnable(String name, int filters) {
    return new LearnableBankSpec(name, filters, Initializer.GLOROT_UNIFORM);
  }

  public static FixedGaborBankSpec gabor(String name, GaborBankSpec gabor) {
    return new FixedGaborBankSpec(name, gabor);
  }

  public static FixedGaborBankSpec gabor(
      String name, GaborBankSpec gabor, int trainableEpochs, TrainableAt at) {
    return new FixedGaborBankSpec(name, gabor, trainableEpochs, at);
  }

  public static PoolLayerSpec maxPool(int size) {
    return new PoolLayerSpec("pool", PoolLayerSpec.Kind.MAX, size, size, Padding.VALID);
  }

  public static FlattenLayerSpec flatten() {
    return new FlattenLayerSpec("flat");
  }

  public static DenseLayerSpec logits(int classes) {
    return new DenseLayerSpec("logits", classes, Activation.NONE, Initializer.GLOROT_UNIFORM);
  }

  /**
   * A 12x12 grey network of one 3x3 VALID layer, a 4-filter Gabor bank trained for one epoch at the
   * {@code at} end of the run beside 4 learned filters, then max pooling and 4 logits: the Gabor
   * bank's values are variable {@code layer1/gabor/kernel}.
   */
  public static NetworkSpec partialGaborNet(String name, TrainableAt at) {
    return network(name, 12, 1, 4)
        .layer(
            "gabor",
            conv(
                3,
                1,
                Padding.VALID,
                Activation.RELU,
                gabor(
                    "gabor",
                    GaborBankSpec.builder().orientations(4).phases(0).sigma(1).build(),
                    1,
                    at),
                learnable("learned", 4)))
        .layer("pool", maxPool(2))
        .layer("logits", logits(4))
        .build();
  }
}
