package io.gaborflow.tensorflow.testing;

/** Class probabilities from logits, in double precision: what tests compare a graph's against. */
public final class Softmax {
  private Softmax() {}

  /** {@code exp(l - max) / sum}, for one row of logits. */
  public static double[] of(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int k = 0; k < logits.length; k++) {
      p[k] = Math.exp(logits[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < logits.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** {@link #of}, rounded to floats. */
  public static float[] floats(float[] logits) {
    double[] p = of(logits);
    float[] out = new float[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = (float) p[k];
    }
    return out;
  }
}
