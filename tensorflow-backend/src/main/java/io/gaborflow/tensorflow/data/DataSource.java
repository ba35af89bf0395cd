package io.gaborflow.tensorflow.data;

/**
 * Loads a {@link Dataset}. Each source is registered under a name (Dagger map key) and selected
 * with {@code --data name} or {@code --data name:argument}.
 */
public interface DataSource {
  /**
   * Loads the data named by {@code spec} ({@link DataSpec#argument()} is what follows the colon).
   * Subsets and standardisation are applied afterwards by {@link DataSources}.
   *
   * @throws DataFormatException when a file is missing or malformed
   */
  Dataset load(DataSpec spec);

  /** How to write a spec for this source, for help and error texts (for example "idx:DIR"). */
  String usage();
}
