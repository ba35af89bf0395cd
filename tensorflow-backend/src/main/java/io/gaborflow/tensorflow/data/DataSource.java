package io.gaborflow.tensorflow.data;

/**
 * Loads a {@link Dataset}. Each source is registered under a name (Dagger map key) and selected
 * with {@code --data name} or {@code --data name:argument}.
 */
public interface DataSource {
  /**
   * Loads the data named by {@code spec} ({@link DataSpec#argument()} is what follows the colon).
   * {@link DataSources} then applies the {@link DataSpec#limitTrain()} and {@link
   * DataSpec#limitTest()} subsets and the standardisation. The image-file sources choose the
   * subsets themselves, before decoding, by the same rule; applying it again leaves a chosen subset
   * unchanged.
   *
   * @throws DataFormatException when a file is missing or malformed
   */
  Dataset load(DataSpec spec);

  /** How to write a spec for this source, for help and error texts (for example "idx:DIR"). */
  String usage();
}
