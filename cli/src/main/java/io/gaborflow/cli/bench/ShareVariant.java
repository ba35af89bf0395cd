package io.gaborflow.cli.bench;

import io.gaborflow.core.annotation.TrainableAt;
import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.tensorflow.graph.ModelGraph;
import java.util.Locale;

/**
 * A column of a sweep of one family: a share of fixed filters, and whether the Gabor banks train
 * their values for {@code partialEpochs} at the {@code partialAt} end of the run or learn their
 * Gabor parameters ({@code parametric}), or carry VOneNet's complex cells and noise ({@code
 * v1Noise}, null for none).
 */
public record ShareVariant(
    int fixedPercent,
    int partialEpochs,
    boolean parametric,
    TrainableAt partialAt,
    BankNoise v1Noise)
    implements BenchVariant {
  /** A variant without VOneNet's stages. */
  public ShareVariant(
      int fixedPercent, int partialEpochs, boolean parametric, TrainableAt partialAt) {
    this(fixedPercent, partialEpochs, parametric, partialAt, null);
  }

  /** A variant whose Gabor banks are fixed, or parametric. */
  public ShareVariant(int fixedPercent, int partialEpochs, boolean parametric) {
    this(fixedPercent, partialEpochs, parametric, TrainableAt.START);
  }

  /** A variant whose Gabor banks are fixed, or train their values for their first epochs. */
  public ShareVariant(int fixedPercent, int partialEpochs) {
    this(fixedPercent, partialEpochs, false);
  }

  /** A variant of fixed Gabor banks with complex cells and {@code noise} after them. */
  public static ShareVariant v1Stages(int fixedPercent, BankNoise noise) {
    return new ShareVariant(fixedPercent, 0, false, TrainableAt.START, noise);
  }

  @Override
  public boolean baseline() {
    return fixedPercent == 0 && partialEpochs == 0 && !parametric && v1Noise == null;
  }

  /**
   * How tables name the variant: {@code 50%}, {@code 50% + 1 trained}, {@code 50% + last 1
   * trained}, {@code 50% parametric}, {@code 50% complex + poisson 0.5}.
   */
  @Override
  public String label() {
    String trained =
        partialAt == TrainableAt.START ? " + " + partialEpochs : " + last " + partialEpochs;
    String stages =
        v1Noise == null
            ? ""
            : " complex"
                + (v1Noise.present()
                    ? " + " + v1Noise.kind().name().toLowerCase(Locale.ROOT) + " " + v1Noise.scale()
                    : "");
    return fixedPercent
        + "%"
        + (partialEpochs > 0 ? trained + " trained" : "")
        + (parametric ? " parametric" : "")
        + stages;
  }

  /**
   * {@code base} re-split to this variant's share, its Gabor banks trained, parametric or with
   * VOneNet's stages as it says.
   */
  @Override
  public ModelGraph graph(ModelGraph base) {
    var spec =
        NetworkVariants.withGaborTraining(
            NetworkVariants.withFixedShare(base.spec(), fixedPercent), partialEpochs, partialAt);
    if (parametric) {
      spec = NetworkVariants.withParametricGabor(spec);
    }
    if (v1Noise != null) {
      spec = NetworkVariants.withV1Stages(spec, v1Noise);
    }
    return ModelGraph.of(spec);
  }
}
