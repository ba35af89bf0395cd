package io.gaborflow.cli;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.ImageSize;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The data flags shared by every command that trains. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "SPEC",
      description =
          "Data: embedded (a slice shipped with gaborflow), fashion-mnist (Debian's"
              + " dataset-fashion-mnist), idx:DIR (MNIST-format files), cifar10:DIR (CIFAR-10 binary),"
              + " folder:DIR (DIR/train/<class>/*, DIR/test/<class>/*) or tfrecord:GLOB (TFRecord files of"
              + " tf.train.Examples, split by 'train' and 'test' in their names) (default: ${DEFAULT-VALUE}).")
  String data = EmbeddedFashionMnist.NAME;

  @Option(
      names = "--resize",
      description = "Resize images read from files to the model's input (folder: data).")
  boolean resize;

  @Option(
      names = "--limit-train",
      paramLabel = "N",
      description = "Train on a seeded, class-balanced subset of N images (default: all).")
  int limitTrain;

  @Option(
      names = "--limit-test",
      paramLabel = "N",
      description = "Evaluate on a seeded, class-balanced subset of N images (default: all).")
  int limitTest;

  @Option(
      names = "--skip-bad-files",
      description =
          "Leave out image files and records that cannot be decoded, with a warning for each and a count,"
              + " instead of stopping at the first.")
  boolean skipBadFiles;

  @Option(
      names = "--normalize",
      negatable = true,
      description = "Standardise each channel with the training set's mean and deviation.")
  boolean normalize;

  @Option(
      names = "--normalize-sample",
      paramLabel = "N",
      description =
          "Compute --normalize's means and deviations from a seeded sample of N training images,"
              + " 0 for all (default: ${DEFAULT-VALUE}).")
  int normalizeSample = DataSpec.DEFAULT_STANDARDIZATION_SAMPLE;

  @Option(
      names = "--cache-mb",
      paramLabel = "MB",
      description =
          "Keep up to MB megabytes of decoded images from image files in memory, so later epochs need not"
              + " decode them again; 0 keeps none and memory does not grow with the data (default: ${DEFAULT-VALUE}).")
  long cacheMegabytes;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Keep decoded images from image files in a file per split in DIR, read by later epochs and by"
              + " later runs with the same files and size (delete it after changing images in place).")
  Path cacheDirectory;

  /** The spec for a model taking {@code input}; subsets are drawn with {@code seed}. */
  @Option(
      names = "--validation",
      paramLabel = "N",
      description =
          "Hold out N training images, class-balanced and seeded, as a validation split: early"
              + " stopping and the best checkpoint use it, the test set is only reported"
              + " (default: none).")
  int validation;

  DataSpec spec(FeatureShape input, long seed) {
    DataSpec spec =
        DataSpec.parse(data)
            .limited(limitTrain, limitTest, seed)
            .withValidation(validation, seed)
            .standardized(normalize)
            .standardizedFrom(normalizeSample)
            .skippingBadFiles(skipBadFiles)
            .cachedInMemory(cacheMegabytes << 20)
            .cachedOnDisk(cacheDirectory);
    ImageSize modelInput = new ImageSize(input.height(), input.width(), input.channels());
    return resize ? spec.resizedTo(modelInput) : spec.forModelInput(modelInput);
  }
}
