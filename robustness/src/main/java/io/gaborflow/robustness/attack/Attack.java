package io.gaborflow.robustness.attack;

/**
 * A white-box attack in pixel space: images moved within a budget ε of their originals, in the
 * direction that raises the model's loss on their labels, and kept in 0..1.
 */
public sealed interface Attack permits Fgsm, Pgd {
  /** The name in reports: {@code fgsm}, {@code pgd-linf}, {@code pgd-l2}. */
  String id();

  /** The norm ε bounds. */
  Norm norm();

  /** How many times an attack on one image runs the model forward and back: its cost. */
  int gradientEvaluations();

  /**
   * Adversarial versions of {@code count} images ({@code pixels}, 0..1, NHWC) for {@code labels},
   * each within {@code epsilon} of its original in {@link #norm()}. Random starts are drawn per
   * image from {@code seed} and the image's index in the test set ({@code firstImage} + i).
   */
  float[] perturb(
      PixelSpaceModel model,
      float[] pixels,
      int[] labels,
      int count,
      double epsilon,
      long seed,
      int firstImage);

  /** How the distance between an image and its attacked version is measured. */
  enum Norm {
    /** The largest change of any pixel value. */
    LINF,
    /** The Euclidean length of the change, over all of an image's values. */
    L2;

    /**
     * A budget as reports name it, to four significant digits: in pixel levels over 255 for L∞
     * ({@code 2/255}), as it is for L2 ({@code 0.25}).
     */
    public String budget(double epsilon) {
      return this == LINF ? plain(epsilon * 255) + "/255" : plain(epsilon);
    }

    private static String plain(double value) {
      return new java.math.BigDecimal(value)
          .round(new java.math.MathContext(4))
          .stripTrailingZeros()
          .toPlainString();
    }
  }
}
