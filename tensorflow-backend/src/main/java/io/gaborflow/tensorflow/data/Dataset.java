package io.gaborflow.tensorflow.data;

/** A training set and a test set of images of one shape, labelled {@code 0 .. classes - 1}. */
public record Dataset(String name, ImageSet train, ImageSet test, int classes) {
  public Dataset {
    if (train.height() != test.height()
        || train.width() != test.width()
        || train.channels() != test.channels()) {
      throw new IllegalArgumentException(
          name + ": training images are " + train.height() + "x" + train.width() + "x"
              + train.channels() + " but test images are " + test.height() + "x" + test.width()
              + "x" + test.channels());
    }
  }

  /** The first {@code trainCount} training and {@code testCount} test images. */
  public Dataset head(int trainCount, int testCount) {
    return new Dataset(name, train.head(trainCount), test.head(testCount), classes);
  }
}
