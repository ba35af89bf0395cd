package io.gaborflow.robustness.attack;

/**
 * The fast gradient sign method (Goodfellow et al. 2015): one step of ε along the sign of the
 * loss's gradient, clipped to 0..1.
 */
public record Fgsm() implements Attack {
  @Override
  public String id() {
    return "fgsm";
  }

  @Override
  public Norm norm() {
    return Norm.LINF;
  }

  @Override
  public int gradientEvaluations() {
    return 1;
  }

  @Override
  public float[] perturb(
      PixelSpaceModel model,
      float[] pixels,
      int[] labels,
      int count,
      double epsilon,
      long seed,
      int firstImage) {
    float[] gradient = model.lossGradient(pixels, labels, count).gradient();
    float[] out = new float[gradient.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Perturbations.clip(pixels[i] + (float) epsilon * Math.signum(gradient[i]));
    }
    return out;
  }
}
