// src/main/java/com/example/Demo.java
package com.example;

import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.summary.TensorBoardListener;
import io.gaborflow.tensorflow.train.Metric;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Writes a small image folder, trains EdgeNet on it for one epoch with its curves for TensorBoard,
 * exports it and predicts, once and then from many threads.
 */
public final class Demo {
  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("edge-net");
    Path images = work.resolve("images");
    for (String split : new String[] {"train", "test"}) {
      for (int i = 0; i < 64; i++) {
        write(images.resolve(split + "/horizontal/" + i + ".png"), stripes(i % 4 + 2, true));
        write(images.resolve(split + "/vertical/" + i + ".png"), stripes(i % 4 + 2, false));
      }
    }
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(16).learningRate(0.01f).seed(1).build();
    Path curves = work.resolve("tensorboard");
    TrainingResult result;
    try (TensorBoardListener tensorBoard = new TensorBoardListener(curves)) {
      result = DaggerEdgeNetComponent.factory()
          .create(config, DataSpec.parse("folder:" + images))
          .trainer()
          .train(
              RunOptions.builder()
                  .exportTo(work.resolve("model"))
                  // A figure of your own, reported beside loss and accuracy after every epoch.
                  .metric(Metric.meanOverImages("true_class_probability", (p, label) -> p[label]))
                  .build(),
              List.of(tensorBoard));
    }
    System.out.printf("test accuracy %.3f, true class probability %.3f; tensorboard --logdir %s%n",
        result.testAccuracy(), result.finalEvaluation().metrics().get("true_class_probability"), curves);

    try (ExportedModel model = ExportedModel.load(work.resolve("model"))) {
      ExportedModel.Prediction prediction = model.predict(stripes(3, false));
      System.out.printf("vertical stripes look %s (%.3f)%n", prediction.best(), prediction.probability("vertical"));
      // One loaded model serves many threads at once.
      long vertical = IntStream.range(0, 64).parallel()
          .filter(i -> model.predict(stripes(i % 4 + 2, false)).best().equals("vertical"))
          .count();
      System.out.printf("%d of 64 predicted in parallel look vertical%n", vertical);
    }
  }

  /** 16 x 16 grey stripes, {@code period} pixels apart. */
  static BufferedImage stripes(int period, boolean horizontal) {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int along = horizontal ? y : x;
        int grey = along % period == 0 ? 255 : 0;
        image.getRaster().setSample(x, y, 0, grey);
      }
    }
    return image;
  }

  private static void write(Path file, BufferedImage image) throws IOException {
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }
}
