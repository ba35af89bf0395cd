package io.gaborflow.cli.progress;

import io.gaborflow.tensorflow.train.TrainingListener;

/** The command line's progress reporting. */
public final class ConsoleProgress {
  private ConsoleProgress() {}

  /** A progress bar when standard output is a terminal, one line per epoch otherwise. */
  public static TrainingListener forConsole() {
    return System.console() != null
        ? new TerminalProgress(System.out)
        : new PlainProgress(System.out);
  }
}
