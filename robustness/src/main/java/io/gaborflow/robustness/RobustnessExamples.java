package io.gaborflow.robustness;

import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A few test images as an evaluation sees them: clean, and as each attack leaves them at its
 * largest budget, each with the model's answer. The attacks are those of the evaluation's settings,
 * with its seed, so an image attacked here is the one the evaluation counted.
 *
 * @param columns "clean", then each attack and budget ({@code pgd-linf ε=8/255})
 * @param rows one per image
 * @param classNames the model's classes, to name its answers
 */
public record RobustnessExamples(
    int height,
    int width,
    int channels,
    List<String> columns,
    List<Row> rows,
    List<String> classNames) {

  /**
   * One image in every column.
   *
   * @param label its true class
   * @param images its pixels in each column (HWC, 0..1)
   * @param predicted the model's answer in each column
   */
  public record Row(int label, List<float[]> images, List<Integer> predicted) {}

  /**
   * {@code count} images of {@code test} spread evenly over it (image k·n/count for k = 0, 1, ...),
   * so that a test set stored class by class shows several classes.
   */
  public static RobustnessExamples of(
      ExportedModel exported,
      ImageSamples test,
      RobustnessEvaluation.Settings settings,
      int count) {
    PixelSpaceModel model = new PixelSpaceModel(exported, settings.gradientSamples());
    int n = Math.min(count, test.size());
    int perImage = test.pixelsPerImage();
    int[] indices = IntStream.range(0, n).map(k -> (int) ((long) k * test.size() / n)).toArray();
    float[] pixels = new float[n * perImage];
    int[] labels = new int[n];
    test.copyBatch(indices, 0, n, pixels, labels);
    List<String> columns = new ArrayList<>(List.of("clean"));
    List<float[]> batches = new ArrayList<>(List.of(pixels));
    for (AttackSetting setting : settings.attacks()) {
      if (setting.epsilons().isEmpty()) {
        continue;
      }
      double epsilon =
          setting.epsilons().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      columns.add(setting.attack().id() + " ε=" + setting.attack().norm().budget(epsilon));
      // One image at a time, each with its index in the test set: the random start the
      // evaluation drew for it.
      float[] attacked = new float[n * perImage];
      for (int i = 0; i < n; i++) {
        float[] one =
            setting
                .attack()
                .perturb(
                    model,
                    Arrays.copyOfRange(pixels, i * perImage, (i + 1) * perImage),
                    new int[] {labels[i]},
                    1,
                    epsilon,
                    settings.seed(),
                    indices[i]);
        System.arraycopy(one, 0, attacked, i * perImage, perImage);
      }
      batches.add(attacked);
    }
    List<int[]> answers = batches.stream().map(b -> model.predict(b, n)).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<float[]> images = new ArrayList<>();
      List<Integer> predicted = new ArrayList<>();
      for (int c = 0; c < batches.size(); c++) {
        images.add(Arrays.copyOfRange(batches.get(c), i * perImage, (i + 1) * perImage));
        predicted.add(answers.get(c)[i]);
      }
      rows.add(new Row(labels[i], images, predicted));
    }
    return new RobustnessExamples(
        test.height(),
        test.width(),
        test.channels(),
        columns,
        rows,
        exported.metadata().classNames());
  }
}
