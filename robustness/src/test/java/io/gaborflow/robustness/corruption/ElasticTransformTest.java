package io.gaborflow.robustness.corruption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The elastic transform's parts: the affine solve, the warp's direction, and what it keeps. */
class ElasticTransformTest {
  @Test
  void theAffineMapTakesEachPointToItsPartner() {
    double[][] from = {{26, 26}, {26, 6}, {6, 6}};
    double[][] to = {{27.5, 25}, {24, 7.25}, {6.5, 4}};
    double[] map = ElasticTransform.solveAffine(from, to);
    for (int i = 0; i < 3; i++) {
      double x = from[i][0];
      double y = from[i][1];
      assertEquals(to[i][0], map[0] * x + map[1] * y + map[2], 1e-9, "x of point " + i);
      assertEquals(to[i][1], map[3] * x + map[4] * y + map[5], 1e-9, "y of point " + i);
    }
  }

  @Test
  void whatLiesAtAControlPointMovesWithIt() {
    // A ramp along x; control points moved 2 pixels to the right: the output at x is the input
    // at x - 2, as in OpenCV's warpAffine of getAffineTransform(from, to).
    int size = 16;
    float[] ramp = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        ramp[y * size + x] = x / 16f;
      }
    }
    Picture p = new Picture(size, size, 1, ramp);
    double[][] from = {{12, 12}, {12, 4}, {4, 4}};
    double[][] to = {{14, 12}, {14, 4}, {6, 4}};
    Picture moved = ElasticTransform.warp(p, ElasticTransform.solveAffine(to, from));
    for (int x = 2; x < size; x++) {
      assertEquals((x - 2) / 16f, moved.at(7, x, 0), 1e-6, "column " + x);
    }
    // Left of the edge, the mirror of BORDER_REFLECT_101: column -1 reads column 1.
    assertEquals(1 / 16f, moved.at(7, 1, 0), 1e-6);
  }

  @Test
  void aFlatImageStaysFlatAndATexturedOneChanges() {
    float[] flat = new float[32 * 32 * 3];
    java.util.Arrays.fill(flat, 0.4f);
    float[] checks = new float[32 * 32];
    for (int i = 0; i < checks.length; i++) {
      checks[i] = ((i / 32 / 4 + i % 32 / 4) % 2) * 0.8f + 0.1f;
    }
    for (int severity = 1; severity <= 5; severity++) {
      Picture out =
          Corruption.ELASTIC_TRANSFORM.apply(new Picture(32, 32, 3, flat), severity, 1, 0);
      for (float v : out.pixels()) {
        assertEquals(Math.floor(0.4 * 255) / 255, v, 1e-6, "severity " + severity);
      }
      Picture moved =
          Corruption.ELASTIC_TRANSFORM.apply(new Picture(32, 32, 1, checks), severity, 1, 0);
      double changed = 0;
      for (int i = 0; i < checks.length; i++) {
        changed += Math.abs(moved.pixels()[i] - checks[i]);
      }
      assertTrue(changed / checks.length > 0.01, "severity " + severity + ": " + changed);
    }
    assertArrayEquals(
        Corruption.ELASTIC_TRANSFORM.apply(new Picture(32, 32, 1, checks), 3, 7, 2).pixels(),
        Corruption.ELASTIC_TRANSFORM.apply(new Picture(32, 32, 1, checks), 3, 7, 2).pixels());
  }
}
