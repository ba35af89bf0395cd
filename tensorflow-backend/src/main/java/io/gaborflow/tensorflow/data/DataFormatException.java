package io.gaborflow.tensorflow.data;

import java.nio.file.Path;

/**
 * A data file or directory that cannot be used, with the file, the byte offset where that applies,
 * and what is wrong.
 */
public class DataFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A {@code problem} with {@code file} as a whole. */
  public DataFormatException(Path file, String problem) {
    this(file.toString(), problem);
  }

  /** A {@code problem} at byte {@code offset} of {@code file}. */
  public DataFormatException(Path file, long offset, String problem) {
    this(file.toString(), offset, problem);
  }

  /** {@code source} names a file, or a resource for data shipped inside a jar. */
  public DataFormatException(String source, String problem) {
    super(source + ": " + problem);
  }

  /** A {@code problem} at byte {@code offset} of {@code source}. */
  public DataFormatException(String source, long offset, String problem) {
    super(source + " at byte " + offset + ": " + problem);
  }

  private DataFormatException(String message, DataFormatException cause) {
    super(message, cause);
  }

  /** {@code problem}, with what the user can do next added to its message. */
  public static DataFormatException withNextStep(DataFormatException problem, String nextStep) {
    return new DataFormatException(problem.getMessage() + "; " + nextStep, problem);
  }

  /** A {@code problem} with {@code source}, caused by {@code cause}. */
  public DataFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
  }
}
