package io.gaborflow.tensorflow.data;

/**
 * Loads a {@link Dataset}. Each source is registered under a name (Dagger map key) and selected
 * with {@code --data name} or {@code --data name:argument}.
 */
public interface DataSource {
  /**
   * Loads the data; {@code argument} is what follows the colon in the data spec, or empty.
   *
   * @throws DataFormatException when a file is missing or malformed
   */
  Dataset load(String argument);

  /** How to write a spec for this source, for help and error texts (for example "idx:DIR"). */
  String usage();
}
