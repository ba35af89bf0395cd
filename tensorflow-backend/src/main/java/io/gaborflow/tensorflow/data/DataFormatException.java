package io.gaborflow.tensorflow.data;

import java.nio.file.Path;

/**
 * A data file or directory that cannot be used, with the file, the byte offset where that
 * applies, and what is wrong.
 */
public class DataFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public DataFormatException(Path file, long offset, String problem) {
    super(file + " at byte " + offset + ": " + problem);
  }

  public DataFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
