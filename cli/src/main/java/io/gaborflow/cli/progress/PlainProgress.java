package io.gaborflow.cli.progress;

import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.io.PrintStream;

/** One line per epoch, for logs and pipes where a redrawn bar would be noise. */
final class PlainProgress implements TrainingListener {
  private final PrintStream out;

  PlainProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void epochDone(EpochResult result) {
    out.println(result.summary());
    out.flush();
  }
}
