package io.gaborflow.robustness;

import io.gaborflow.robustness.RobustnessReport.CorruptionResult;
import io.gaborflow.robustness.attack.PixelSpaceModel;
import io.gaborflow.robustness.corruption.RecordedCorruptions;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's accuracy on corrupted images read from files ({@link RecordedCorruptions}) rather than
 * computed: CIFAR-10-C itself, with its labels, for every corruption there is a file for.
 */
public final class RecordedCorruptionEvaluation {
  private RecordedCorruptionEvaluation() {}

  /**
   * {@code report} (of an evaluation that computed no corruptions) with the accuracy of {@code
   * model} on {@code files} in their place: the first {@code images} images (0: all 10,000) of each
   * severity of {@code settings} of each file, the report saying where they came from and the time
   * added.
   */
  public static RobustnessReport into(
      RobustnessReport report,
      ExportedModel model,
      RecordedCorruptions files,
      int images,
      RobustnessEvaluation.Settings settings,
      RobustnessEvaluation.Listener listener) {
    long start = System.nanoTime();
    List<CorruptionResult> results =
        run(
            new PixelSpaceModel(model),
            model.metadata(),
            files,
            settings.severities(),
            images,
            settings.batchSize(),
            listener);
    return report.withCorruptions(
        results,
        "CIFAR-10-C's files in "
            + files.folder()
            + (images == 0 ? "" : ", the first " + images + " images of each severity"),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * The accuracy of {@code model} on the first {@code images} images (0: all 10,000) of each
   * severity of each file.
   */
  public static List<CorruptionResult> run(
      PixelSpaceModel model,
      ExportMetadata metadata,
      RecordedCorruptions files,
      List<Integer> severities,
      int images,
      int batchSize,
      RobustnessEvaluation.Listener listener) {
    int n = images == 0 ? RecordedCorruptions.PER_SEVERITY : images;
    if (n < 0 || n > RecordedCorruptions.PER_SEVERITY) {
      throw new IllegalArgumentException(
          "CIFAR-10-C holds " + RecordedCorruptions.PER_SEVERITY + " images a severity, not " + n);
    }
    List<String> names = files.names();
    long total = (long) names.size() * severities.size() * n;
    long done = 0;
    List<CorruptionResult> results = new ArrayList<>();
    for (String name : names) {
      for (int severity : severities) {
        long correct = 0;
        for (int from = 0; from < n; from += batchSize) {
          int count = Math.min(batchSize, n - from);
          float[] pixels =
              files.images(
                  name,
                  severity,
                  from,
                  count,
                  metadata.height(),
                  metadata.width(),
                  metadata.channels());
          int[] labels = files.labels(severity, from, count);
          int[] predicted = model.predict(pixels, count);
          for (int i = 0; i < count; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
          }
          done += count;
          listener.progress(done, total, name);
        }
        results.add(
            new CorruptionResult(
                name, RecordedCorruptions.kind(name), severity, (double) correct / n));
      }
    }
    return results;
  }
}
