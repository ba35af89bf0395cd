package io.gaborflow.robustness.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.robustness.attack.Attack.Norm;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on a trained, exported network whose training data was standardised, so that pixel
 * space and the model's input differ: the budgets hold, ε = 0 changes nothing, the gradient is the
 * loss's, and more steps find more.
 */
class AttackTest {
  private static final int SIZE = 12;
  private static final List<Attack> ATTACKS =
      List.of(new Fgsm(), Pgd.madry(Norm.LINF), Pgd.madry(Norm.L2));

  @TempDir static Path dir;
  private static ExportedModel exported;
  private static PixelSpaceModel model;
  private static float[] pixels;
  private static int[] labels;
  private static int count;

  @BeforeAll
  static void trainAndExport() {
    Dataset raw = SyntheticData.stripes(SIZE, 4, 256, 64, 5);
    Dataset data = raw.standardized();
    TrainingConfig config = TrainingConfig.builder().epochs(3).batchSize(16).threads(1).build();
    Path export = dir.resolve("model");
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      Runs.train(session, data);
      ModelExport.write(session.servable(), data, export);
    }
    exported = ExportedModel.load(export);
    model = new PixelSpaceModel(exported);
    ImageSamples test = raw.test();
    count = test.size();
    pixels = new float[count * test.pixelsPerImage()];
    labels = new int[count];
    test.copyBatch(java.util.stream.IntStream.range(0, count).toArray(), 0, count, pixels, labels);
    // Keep the stripes' noise inside the valid range, as images from files are.
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = Math.max(0, Math.min(1, pixels[i]));
    }
  }

  @AfterAll
  static void close() {
    exported.close();
  }

  @Test
  void theStandardisationIsNotTheIdentity() {
    // Otherwise the chain rule through it below would go untested.
    assertTrue(Math.abs(exported.metadata().channelStd().get(0) - 1) > 0.05);
  }

  @Test
  void theGradientIsTheLossesInPixelSpace() {
    int n = model.pixelsPerImage();
    float[] one = java.util.Arrays.copyOf(pixels, n);
    int[] label = {labels[0]};
    float[] gradient = model.lossGradient(one, label, 1).gradient();
    double h = 1e-2;
    for (int i : new int[] {0, 17, 66, n - 1}) {
      float[] up = one.clone();
      float[] down = one.clone();
      up[i] += (float) h;
      down[i] -= (float) h;
      double numeric =
          (model.lossGradient(up, label, 1).losses()[0]
                  - model.lossGradient(down, label, 1).losses()[0])
              / (2 * h);
      assertEquals(numeric, gradient[i], 2e-2 * Math.max(1, Math.abs(numeric)), "pixel " + i);
    }
  }

  @Test
  void aZeroBudgetLeavesTheImagesAndTheCleanAccuracy() {
    int[] clean = model.predict(pixels, count);
    for (Attack attack : ATTACKS) {
      float[] attacked = attack.perturb(model, pixels, labels, count, 0, 1, 0);
      assertArrayEquals(pixels, attacked, attack.id());
      assertArrayEquals(clean, model.predict(attacked, count), attack.id());
    }
  }

  @Test
  void noAttackLeavesItsBudgetOrThePixelRange() {
    int n = model.pixelsPerImage();
    for (Attack attack : ATTACKS) {
      double epsilon = attack.norm() == Norm.LINF ? 8 / 255.0 : 0.5;
      float[] attacked = attack.perturb(model, pixels, labels, count, epsilon, 1, 0);
      for (int image = 0; image < count; image++) {
        double largest = 0;
        double squares = 0;
        for (int i = image * n; i < (image + 1) * n; i++) {
          assertTrue(attacked[i] >= 0 && attacked[i] <= 1, attack.id() + " pixel " + i);
          double d = attacked[i] - pixels[i];
          largest = Math.max(largest, Math.abs(d));
          squares += d * d;
        }
        double size = attack.norm() == Norm.LINF ? largest : Math.sqrt(squares);
        // float rounding of x + δ: within a float's resolution at 1
        assertTrue(size <= epsilon + 1e-6, attack.id() + " image " + image + ": " + size);
      }
    }
  }

  @Test
  void pgdFindsAtLeastWhatOneStepFinds() {
    double epsilon = 0.1;
    int clean = correct(pixels);
    int fgsm = correct(new Fgsm().perturb(model, pixels, labels, count, epsilon, 1, 0));
    int pgd = correct(Pgd.madry(Norm.LINF).perturb(model, pixels, labels, count, epsilon, 1, 0));
    assertTrue(clean > count * 3 / 4, "the network learned the stripes: " + clean + "/" + count);
    assertTrue(fgsm < clean, "FGSM " + fgsm + " against clean " + clean);
    assertTrue(pgd <= fgsm, "PGD " + pgd + " against FGSM " + fgsm);
  }

  @Test
  void theSameSeedStartsPgdAtTheSamePoint() {
    Pgd pgd = new Pgd(Norm.LINF, 1, 0.25, true);
    float[] a = pgd.perturb(model, pixels, labels, 4, 0.05, 3, 0);
    assertArrayEquals(a, pgd.perturb(model, pixels, labels, 4, 0.05, 3, 0));
    float[] other = pgd.perturb(model, pixels, labels, 4, 0.05, 4, 0);
    assertTrue(!java.util.Arrays.equals(a, other), "another seed starts elsewhere");
  }

  private static int correct(float[] images) {
    int[] predicted = model.predict(images, count);
    int right = 0;
    for (int i = 0; i < count; i++) {
      right += predicted[i] == labels[i] ? 1 : 0;
    }
    return right;
  }
}
