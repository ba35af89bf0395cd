package io.gaborflow.core.gabor;

/**
 * Computes a Gabor kernel exactly as OpenCV's {@code cv::getGaborKernel} does, so that a bank
 * declared here matches what users of OpenCV and of the hand-wired Keras and PyTorch recipes
 * already have.
 *
 * <p>OpenCV's conventions, kept on purpose: the kernel is centred on its middle pixel; for the
 * pixel at offset (x, y) from the centre, x to the right and y downwards, the rotated coordinate is
 * {@code x' = x cos θ + y sin θ}, {@code y' = -x sin θ + y cos θ}; the value {@code exp(-(x'² + γ²
 * y'²) / 2σ²) cos(2π x'/λ + ψ)} is stored at row {@code c - y}, column {@code c - x}, that is
 * point-mirrored through the centre.
 */
public final class GaborKernel {
  private GaborKernel() {}

  /** The kernel as {@code size * size} values, row by row, in double precision (CV_64F). */
  public static double[] compute(GaborParameters p) {
    int half = p.size() / 2;
    double theta = Math.toRadians(p.thetaDegrees());
    double psi = Math.toRadians(p.psiDegrees());
    double sigmaX = p.sigma();
    double sigmaY = p.sigma() / p.gamma();
    double ex = -0.5 / (sigmaX * sigmaX);
    double ey = -0.5 / (sigmaY * sigmaY);
    double cosTheta = Math.cos(theta);
    double sinTheta = Math.sin(theta);
    double waveScale = 2 * Math.PI / p.lambda();
    double[] kernel = new double[p.size() * p.size()];
    for (int y = -half; y <= half; y++) {
      for (int x = -half; x <= half; x++) {
        double xr = x * cosTheta + y * sinTheta;
        double yr = -x * sinTheta + y * cosTheta;
        double value = Math.exp(ex * xr * xr + ey * yr * yr) * Math.cos(waveScale * xr + psi);
        kernel[(half - y) * p.size() + (half - x)] = value;
      }
    }
    return kernel;
  }

  /** σ for wavelength λ and a half-response bandwidth of {@code octaves}. */
  public static double sigmaFromBandwidth(double lambda, double octaves) {
    double twoPowB = Math.pow(2, octaves);
    return lambda / Math.PI * Math.sqrt(Math.log(2) / 2) * (twoPowB + 1) / (twoPowB - 1);
  }
}
