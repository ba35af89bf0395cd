package io.gaborflow.core.npy;

/** A {@code .npy} file that cannot be used, naming the file, the byte offset and what is wrong. */
public class NpyFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A {@code problem} at byte {@code offset} of {@code source}. */
  public NpyFormatException(String source, long offset, String problem) {
    super(source + " at byte " + offset + ": " + problem);
  }
}
