package io.gaborflow.robustness.attack;

import io.gaborflow.core.Seeds;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Projected gradient descent on the loss (Madry et al. 2018): from a random point of the ε-ball,
 * {@code steps} steps of {@code stepFraction}·ε, along the gradient's sign (L∞) or its direction
 * (L2), each projected back into the ball and into 0..1. The attacked images are the last step's.
 *
 * @param norm the ball's norm
 * @param steps the number of gradient steps
 * @param stepFraction each step's length as a fraction of ε
 * @param randomStart whether to start at a uniform random point of the ball instead of the image
 */
public record Pgd(Norm norm, int steps, double stepFraction, boolean randomStart)
    implements Attack {
  /** Madry et al.'s CIFAR-10 setting: 10 steps of ε/4 from a random start. */
  public static Pgd madry(Norm norm) {
    return new Pgd(norm, 10, 0.25, true);
  }

  /** Checks the settings. */
  public Pgd {
    if (steps < 1) {
      throw new IllegalArgumentException("PGD needs at least one step, got " + steps);
    }
    if (!(stepFraction > 0)) {
      throw new IllegalArgumentException(
          "PGD's step is a positive fraction of epsilon, got " + stepFraction);
    }
  }

  @Override
  public String id() {
    return norm == Norm.LINF ? "pgd-linf" : "pgd-l2";
  }

  @Override
  public int gradientEvaluations() {
    return steps;
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
    int n = model.pixelsPerImage();
    float[] x = java.util.Arrays.copyOf(pixels, count * n);
    if (randomStart && epsilon > 0) {
      for (int image = 0; image < count; image++) {
        start(x, image * n, n, epsilon, Seeds.attackStart(seed, id(), epsilon, firstImage + image));
      }
      Perturbations.project(x, pixels, count, epsilon, norm);
    }
    double step = stepFraction * epsilon;
    for (int s = 0; s < steps; s++) {
      float[] gradient = model.lossGradient(x, labels, count).gradient();
      for (int image = 0; image < count; image++) {
        int from = image * n;
        if (norm == Norm.LINF) {
          for (int i = from; i < from + n; i++) {
            x[i] += (float) step * Math.signum(gradient[i]);
          }
        } else {
          double length =
              Math.sqrt(Perturbations.squaredLength(gradient, new float[gradient.length], from, n));
          if (length > 0) {
            for (int i = from; i < from + n; i++) {
              x[i] += (float) (step * gradient[i] / length);
            }
          }
        }
      }
      Perturbations.project(x, pixels, count, epsilon, norm);
    }
    return x;
  }

  /** Adds a uniform random point of the ε-ball to one image. */
  private void start(float[] x, int from, int n, double epsilon, long seed) {
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    if (norm == Norm.LINF) {
      for (int i = from; i < from + n; i++) {
        x[i] += (float) ((random.nextDouble() * 2 - 1) * epsilon);
      }
      return;
    }
    NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(random);
    double[] direction = new double[n];
    double length = 0;
    for (int i = 0; i < n; i++) {
      direction[i] = normal.sample();
      length += direction[i] * direction[i];
    }
    double radius = epsilon * Math.pow(random.nextDouble(), 1.0 / n) / Math.sqrt(length);
    for (int i = 0; i < n; i++) {
      x[from + i] += (float) (direction[i] * radius);
    }
  }
}
