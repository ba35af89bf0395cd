package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.history.EpochResult;

/**
 * Hears about a run as it goes; every method does nothing unless overridden. The console
 * implementations are {@link #forConsole()}.
 */
public interface ProgressReporter {
  default void epochStarted(int epoch, int epochs, int steps) {}

  /** After each step, with the loss so far this epoch (mean) and the throughput. */
  default void stepDone(int step, double meanLoss, double imagesPerSecond) {}

  default void epochDone(EpochResult result) {}

  /** A progress bar when standard output is a terminal, one line per epoch otherwise. */
  static ProgressReporter forConsole() {
    return System.console() != null ? new TerminalProgress(System.out) : new PlainProgress(System.out);
  }

  /** Reports nothing. */
  static ProgressReporter silent() {
    return new ProgressReporter() {};
  }
}
