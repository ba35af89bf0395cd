package io.gaborflow.cli;

import io.gaborflow.examples.inject.DaggerDataComponent;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSize;

/**
 * The test images an evaluation runs on, as {@code robustness} and {@code datasets export} choose
 * them: pixels in 0..1 before any standardisation, at the model's input size, all of them or a
 * seeded class-balanced subset. One rule, so that a Python cross-check sees the same images.
 */
final class EvaluationImages {
  private EvaluationImages() {}

  /** The test split of {@code data}; {@code images} of them (0: all) chosen with {@code seed}. */
  static ImageSamples test(String data, int images, long seed, ImageSize size) {
    return DaggerDataComponent.create()
        .dataSources()
        .load(DataSpec.parse(data).limited(0, images, seed).forModelInput(size))
        .test();
  }
}
