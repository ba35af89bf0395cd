package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.Seeds;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each augmented image is its original shifted by at most the padding and maybe flipped, zeros
 * outside.
 */
class AugmentationTest {
  private static final int H = 6;
  private static final int W = 7;
  private static final int C = 2;
  private static final int PAD = 2;

  /**
   * {@code image} shifted by (dy, dx), flipped first when {@code flip}, zeros where it falls
   * outside.
   */
  private static float[] transformed(float[] image, int dy, int dx, boolean flip) {
    float[] out = new float[image.length];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int sy = y + dy;
        int sx = (flip ? W - 1 - x : x) + dx;
        for (int c = 0; c < C; c++) {
          boolean inside = sy >= 0 && sy < H && sx >= 0 && sx < W;
          out[(y * W + x) * C + c] = inside ? image[(sy * W + sx) * C + c] : 0;
        }
      }
    }
    return out;
  }

  @Test
  void everyImageIsAShiftedAndMaybeFlippedCopy() {
    int count = 40;
    float[] images = new float[count * H * W * C];
    SplittableRandom values = new SplittableRandom(5);
    for (int i = 0; i < images.length; i++) {
      images[i] = 1 + (float) values.nextDouble();
    }
    float[] original = images.clone();
    new Augmentation(H, W, C, PAD).apply(images, count, Seeds.augmentation(1, 1, 0));
    int per = H * W * C;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < count; i++) {
      float[] before = Arrays.copyOfRange(original, i * per, (i + 1) * per);
      float[] after = Arrays.copyOfRange(images, i * per, (i + 1) * per);
      String match = null;
      for (int dy = -PAD; dy <= PAD && match == null; dy++) {
        for (int dx = -PAD; dx <= PAD && match == null; dx++) {
          for (boolean flip : new boolean[] {false, true}) {
            if (Arrays.equals(transformed(before, dy, dx, flip), after)) {
              match = dy + "," + dx + "," + flip;
              break;
            }
          }
        }
      }
      assertTrue(
          match != null,
          "image " + i + " is no shift of at most " + PAD + " pixels, flipped or not");
      seen.add(match);
    }
    assertTrue(seen.size() > 10, "40 images get varied shifts and flips, got " + seen);
  }

  @Test
  void theSameSeedAugmentsTheSameWay() {
    float[] a = new float[3 * H * W * C];
    Arrays.fill(a, 1);
    a[5] = 7;
    float[] b = a.clone();
    new Augmentation(H, W, C, PAD).apply(a, 3, Seeds.augmentation(9, 2, 4));
    new Augmentation(H, W, C, PAD).apply(b, 3, Seeds.augmentation(9, 2, 4));
    assertArrayEquals(a, b);
    float[] c = new float[3 * H * W * C];
    Arrays.fill(c, 1);
    c[5] = 7;
    new Augmentation(H, W, C, PAD).apply(c, 3, Seeds.augmentation(9, 2, 5));
    assertEquals(false, Arrays.equals(a, c), "another step augments differently");
  }
}
