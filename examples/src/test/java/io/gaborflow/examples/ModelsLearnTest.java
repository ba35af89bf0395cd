package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.examples.models.GaborNiNGraph;
import io.gaborflow.examples.models.LeNetGraph;
import io.gaborflow.examples.models.NiNGraph;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The all-learnable examples learn, not only the Gabor ones: each ends well above chance. */
class ModelsLearnTest {
  private static TrainingResult train(ModelGraph model, Dataset data, int epochs, int batch) {
    TrainingConfig config =
        TrainingConfig.builder().epochs(epochs).batchSize(batch).seed(2).threads(2).build();
    try (ModelSession session = ModelSession.open(model, config)) {
      return Runs.train(session, data, TrainingListener.silent());
    }
  }

  @Test
  void lenetLearnsFashionMnist() {
    Dataset data = new EmbeddedFashionMnist().load(DataSpec.parse("embedded")).head(2000, 1000);
    TrainingResult result = train(new LeNetGraph(), data, 1, 64);
    assertTrue(
        result.testAccuracy() > 0.6,
        "lenet after one epoch of 2,000 images: " + result.testAccuracy() + " (chance 0.1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nin", "gabor-nin"})
  void networkInNetworkLearnsOrientedStripes(String name) {
    ModelGraph model = name.equals("nin") ? new NiNGraph() : new GaborNiNGraph();
    Random random = new Random(3);
    Dataset data = new Dataset("stripes", stripes(512, random), stripes(128, random), 10);
    TrainingResult result = train(model, data, 2, 32);
    assertTrue(
        result.testAccuracy() > 0.5,
        name + " after two epochs of 512 images: " + result.testAccuracy() + " (chance 0.25)");
  }

  /** 32 x 32 colour images of stripes in one of 4 orientations, the orientation their class. */
  private static ImageSet stripes(int count, Random random) {
    float[] pixels = new float[count * 32 * 32 * 3];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = random.nextInt(4);
      double angle = Math.PI * labels[i] / 4;
      double phase = random.nextDouble() * 2 * Math.PI;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          double along = x * Math.cos(angle) + y * Math.sin(angle);
          float value = (float) (0.5 + 0.4 * Math.cos(2 * Math.PI * along / 6 + phase));
          for (int c = 0; c < 3; c++) {
            pixels[((i * 32 + y) * 32 + x) * 3 + c] = value;
          }
        }
      }
    }
    return new ImageSet(pixels, labels, 32, 32, 3);
  }
}
