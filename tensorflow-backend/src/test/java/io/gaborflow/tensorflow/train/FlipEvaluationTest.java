package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.Softmax;
import io.gaborflow.tensorflow.testing.SyntheticData;
import org.junit.jupiter.api.Test;

/**
 * Flip evaluation scores each test image by the mean of its own and its mirror image's class
 * probabilities. Stripes at 45 and 135 degrees swap under a mirror, so the mean is not the plain
 * score.
 */
class FlipEvaluationTest {
  private static final int SIZE = 12;
  private static final int CLASSES = 4;
  private static final Dataset DATA = SyntheticData.stripes(SIZE, CLASSES, 160, 37, 4);

  @Test
  void accuracyAndLossAreThoseOfTheMeanOfEachImageAndItsMirror() {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(16)
            .evalBatchSize(10)
            .flipEvaluation(true)
            .seed(2)
            .threads(1)
            .build();
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      Runs.train(session, DATA);
      ImageSamples test = DATA.test();
      int correct = 0;
      double loss = 0;
      for (int i = 0; i < test.size(); i++) {
        float[] image = test.image(i);
        double[] own = Softmax.of(session.logits(image, 1));
        double[] mirror = Softmax.of(session.logits(mirrored(image), 1));
        int best = 0;
        for (int k = 1; k < CLASSES; k++) {
          if (own[k] + mirror[k] > own[best] + mirror[best]) {
            best = k;
          }
        }
        correct += best == test.label(i) ? 1 : 0;
        loss -= Math.log((own[test.label(i)] + mirror[test.label(i)]) / 2);
      }
      Evaluation flipped = session.evaluate(test, 10);
      assertEquals((double) correct / test.size(), flipped.accuracy(), 1e-9);
      assertEquals(loss / test.size(), flipped.loss(), 1e-4);
      assertEquals(test.size(), flipped.images());
    }
  }

  private static float[] mirrored(float[] image) {
    float[] out = new float[image.length];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        out[y * SIZE + x] = image[y * SIZE + SIZE - 1 - x];
      }
    }
    return out;
  }
}
