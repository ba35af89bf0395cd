package io.gaborflow.cli.progress;

import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.train.StepEvent;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar per epoch showing the running loss and images per second. */
final class TerminalProgress implements TrainingListener {
  private final PrintStream out;
  private ProgressBar bar;

  TerminalProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void epochStarted(int epoch, int epochs, int steps) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("epoch " + epoch + "/" + epochs)
            .setInitialMax(steps)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .build();
  }

  @Override
  public void stepDone(StepEvent step) {
    bar.stepTo(step.step());
    bar.setExtraMessage(
        String.format(" loss %.4f, %.0f img/s", step.meanLoss(), step.imagesPerSecond()));
  }

  @Override
  public void epochDone(EpochResult result) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
    out.println(result.summary());
    out.flush();
  }
}
