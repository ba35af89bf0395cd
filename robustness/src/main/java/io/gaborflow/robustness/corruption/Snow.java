package io.gaborflow.robustness.corruption;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * make_cifar_c.py's snow: a layer of flakes (normal values of mean c₀ and deviation c₁ per pixel,
 * zoomed in by c₂ about the centre, those under c₃ removed, stored as 8 bits) smeared by {@link
 * MotionBlur} of radius c₄ and σ = c₅ along a direction drawn from -135° to -45°; the image lifted
 * towards 1.5·grey + 0.5 (grey: OpenCV's RGB2GRAY weights) by 1 - c₆; then the layer added twice,
 * once turned 180°.
 */
final class Snow {
  private Snow() {}

  static Picture apply(Picture picture, double[] c, UniformRandomProvider random) {
    NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(random);
    float[] flakes = new float[picture.height() * picture.width()];
    for (int i = 0; i < flakes.length; i++) {
      flakes[i] = (float) (c[0] + c[1] * normal.sample());
    }
    return apply(picture, c, flakes, -135 + 90 * random.nextDouble());
  }

  /** Snow with the random draws given: the flakes' normal values and the smear's direction. */
  static Picture apply(Picture picture, double[] c, float[] flakes, double angleDegrees) {
    int height = picture.height();
    int width = picture.width();
    double[] zoomed = ZoomBlur.clippedZoom(new Picture(height, width, 1, flakes), c[2]);
    float[] levels = new float[zoomed.length];
    for (int i = 0; i < zoomed.length; i++) {
      levels[i] = Picture.eightBits(zoomed[i] < c[3] ? 0 : zoomed[i]);
    }
    float[] layer =
        MotionBlur.apply(new Picture(height, width, 1, levels), c[4], c[5], angleDegrees).pixels();
    int channels = picture.channels();
    float[] in = picture.pixels();
    float[] out = new float[in.length];
    // The reference's arithmetic on the image is float32, the snow layer's float64.
    float keep = (float) c[6];
    float spare = (float) (1 - c[6]);
    for (int p = 0; p < height * width; p++) {
      int base = p * channels;
      float grey =
          channels == 3
              ? in[base] * 0.299f + in[base + 1] * 0.587f + in[base + 2] * 0.114f
              : in[base];
      float lifted = grey * 1.5f + 0.5f;
      for (int ch = 0; ch < channels; ch++) {
        float x = in[base + ch];
        float image = keep * x + spare * Math.max(x, lifted);
        out[base + ch] = (float) ((double) image + layer[p] + layer[height * width - 1 - p]);
      }
    }
    return picture.with(out);
  }
}
