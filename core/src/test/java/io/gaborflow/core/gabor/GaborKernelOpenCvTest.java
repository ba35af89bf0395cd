package io.gaborflow.core.gabor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.pattern.OpenCV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Every kernel must equal OpenCV's own getGaborKernel: same centre, rotation and sign. */
class GaborKernelOpenCvTest {

  @BeforeAll
  static void loadOpenCv() {
    OpenCV.loadLocally();
  }

  /**
   * Kernels of every size a bank uses (3 to 11), each with a narrow and a wide envelope, over
   * orientations, wavelengths, aspects and phases: 864 distinct kernels, none of them a single
   * pixel (which any cosine would match).
   */
  static Stream<GaborParameters> grid() {
    List<GaborParameters> grid = new ArrayList<>();
    for (int size : new int[] {3, 5, 7, 11}) {
      for (double sigma : new double[] {0.8, 2.0}) {
        for (double theta : new double[] {0, 22.5, 45, 90, 135, 170}) {
          for (double lambda : new double[] {2, 4, 7.5}) {
            for (double gamma : new double[] {0.3, 1}) {
              for (double psi : new double[] {0, 90, -45}) {
                grid.add(new GaborParameters(size, sigma, theta, lambda, gamma, psi));
              }
            }
          }
        }
      }
    }
    return grid.stream();
  }

  @ParameterizedTest
  @MethodSource("grid")
  void matchesOpenCv(GaborParameters p) {
    Mat expected =
        Imgproc.getGaborKernel(
            new Size(p.size(), p.size()),
            p.sigma(),
            Math.toRadians(p.thetaDegrees()),
            p.lambda(),
            p.gamma(),
            Math.toRadians(p.psiDegrees()),
            CvType.CV_64F);
    double[] actual = GaborKernel.compute(p);
    assertEquals(p.size(), expected.rows());
    assertEquals(p.size(), expected.cols());
    for (int row = 0; row < p.size(); row++) {
      for (int col = 0; col < p.size(); col++) {
        assertEquals(
            expected.get(row, col)[0], actual[row * p.size() + col], 1e-6, () -> "pixel of " + p);
      }
    }
  }
}
