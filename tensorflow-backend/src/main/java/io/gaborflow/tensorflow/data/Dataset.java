package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * A training set and a test set of images of one shape, labelled {@code 0 .. classes - 1}.
 *
 * @param classNames a name per label, or empty when the data has none
 * @param standardization what was done to the pixels after scaling them to 0..1
 */
public record Dataset(
    String name,
    ImageSamples train,
    ImageSamples test,
    int classes,
    List<String> classNames,
    ChannelStandardization standardization) {
  /** Copies the class names. */
  public Dataset {
    classNames = List.copyOf(classNames);
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
        name, train.head(trainCount), test.head(testCount), classes, classNames, standardization);
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
        standardization);
  }

  /** Both splits standardised per channel with the statistics of every training image. */
  public Dataset standardized() {
    return standardized(0, 0);
  }

  /**
   * Both splits standardised per channel with the statistics of a seeded sample of {@code sample}
   * training images (0: all).
   */
  public Dataset standardized(int sample, long seed) {
    ChannelStandardization stats = ChannelStandardization.of(train, sample, seed);
    return new Dataset(
        name, train.standardized(stats), test.standardized(stats), classes, classNames, stats);
  }
}
