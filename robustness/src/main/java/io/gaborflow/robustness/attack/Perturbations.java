package io.gaborflow.robustness.attack;

/** The projections every attack ends its steps with. */
final class Perturbations {
  private Perturbations() {}

  static float clip(float value) {
    return Math.max(0f, Math.min(1f, value));
  }

  /**
   * {@code attacked} moved back into the ε-ball of {@code original} in {@code norm}, image by
   * image, then into 0..1 (which only shortens the change: the original is in 0..1).
   */
  static void project(
      float[] attacked, float[] original, int count, double epsilon, Attack.Norm norm) {
    int n = attacked.length / count;
    float eps = (float) epsilon;
    for (int image = 0; image < count; image++) {
      int from = image * n;
      if (norm == Attack.Norm.L2) {
        double length = Math.sqrt(squaredLength(attacked, original, from, n));
        if (length > epsilon) {
          double shrink = epsilon / length;
          for (int i = from; i < from + n; i++) {
            attacked[i] = original[i] + (float) ((attacked[i] - original[i]) * shrink);
          }
        }
      }
      for (int i = from; i < from + n; i++) {
        float delta = attacked[i] - original[i];
        if (norm == Attack.Norm.LINF) {
          delta = Math.max(-eps, Math.min(eps, delta));
        }
        attacked[i] = clip(original[i] + delta);
      }
    }
  }

  /** The Euclidean length of {@code v[from .. from + n - 1]}. */
  static double length(float[] v, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      sum += (double) v[i] * v[i];
    }
    return Math.sqrt(sum);
  }

  static double squaredLength(float[] a, float[] b, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }
}
