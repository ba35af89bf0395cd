package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A training set and a test set of images of one shape, labelled {@code 0 .. classes - 1}, and
 * perhaps a validation split held out of the training images: what settings are chosen on, early
 * stopping watches and the best checkpoint is kept by, so that the test set is only reported.
 *
 * @param classNames a name per label, or empty when the data has none
 * @param standardization what was done to the pixels after scaling them to 0..1
 * @param validation images held out of {@code train}, if any
 */
public record Dataset(
    String name,
    ImageSamples train,
    ImageSamples test,
    int classes,
    List<String> classNames,
    ChannelStandardization standardization,
    Optional<ImageSamples> validation) {
  /** Copies the class names. */
  public Dataset {
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(validation, "validation: Optional.empty() for none");
    if (train.height() != test.height()
        || train.width() != test.width()
        || train.channels() != test.channels()) {
      throw new IllegalArgumentException(
          name
              + ": training images are "
              + train.height()
              + "x"
              + train.width()
              + "x"
              + train.channels()
              + " but test images are "
              + test.height()
              + "x"
              + test.width()
              + "x"
              + test.channels());
    }
    if (!classNames.isEmpty() && classNames.size() != classes) {
      throw new IllegalArgumentException(
          name + ": " + classNames.size() + " class names for " + classes + " classes");
    }
  }

  /** A data set without a validation split. */
  public Dataset(
      String name,
      ImageSamples train,
      ImageSamples test,
      int classes,
      List<String> classNames,
      ChannelStandardization standardization) {
    this(name, train, test, classes, classNames, standardization, Optional.empty());
  }

  /** A data set not standardised. */
  public Dataset(
      String name, ImageSamples train, ImageSamples test, int classes, List<String> classNames) {
    this(name, train, test, classes, classNames, ChannelStandardization.identity(train.channels()));
  }

  /** A data set whose classes are named by their labels. */
  public Dataset(String name, ImageSamples train, ImageSamples test, int classes) {
    this(name, train, test, classes, List.of());
  }

  /** The class names, or the label numbers when the data names none. */
  public List<String> labelNames() {
    if (!classNames.isEmpty()) {
      return classNames;
    }
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      numbers.add(Integer.toString(i));
    }
    return numbers;
  }

  /** The first {@code trainCount} training and {@code testCount} test images. */
  public Dataset head(int trainCount, int testCount) {
    return new Dataset(
        name,
        train.head(trainCount),
        test.head(testCount),
        classes,
        classNames,
        standardization,
        validation);
  }

  /**
   * {@code count} training images, the same number from each class as far as the classes allow,
   * chosen with {@code seed}, held out as the validation split; training keeps the others.
   */
  public Dataset withValidation(int count, long seed) {
    if (validation.isPresent()) {
      throw new IllegalStateException(name + " already has a validation split");
    }
    if (count < 1 || count >= train.size()) {
      throw new IllegalArgumentException(
          "DataSpec.validation takes 1 to "
              + (train.size() - 1)
              + " of the "
              + train.size()
              + " training images of "
              + name
              + ", got "
              + count);
    }
    ImageSamples[] split = BalancedSubset.split(train, classes, count, Seeds.validationSplit(seed));
    return new Dataset(
        name, split[0], test, classes, classNames, standardization, Optional.of(split[1]));
  }

  /**
   * At most {@code trainCount} training and {@code testCount} test images (0: all), the same number
   * from each class as far as the classes allow, chosen with {@code seed}.
   */
  public Dataset balancedSubset(int trainCount, int testCount, long seed) {
    return new Dataset(
        name,
        BalancedSubset.of(train, classes, trainCount, seed),
        BalancedSubset.of(test, classes, testCount, Seeds.testSubset(seed)),
        classes,
        classNames,
        standardization,
        validation);
  }

  /** Both splits standardised per channel with the statistics of every training image. */
  public Dataset standardized() {
    return standardized(0, 0);
  }

  /**
   * Every split standardised per channel with the statistics of a seeded sample of {@code sample}
   * training images (0: all); validation images are not in the sample.
   */
  public Dataset standardized(int sample, long seed) {
    ChannelStandardization stats = ChannelStandardization.of(train, sample, seed);
    return new Dataset(
        name,
        train.standardized(stats),
        test.standardized(stats),
        classes,
        classNames,
        stats,
        validation.map(v -> v.standardized(stats)));
  }
}
