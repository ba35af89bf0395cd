package io.gaborflow.cli;

import io.gaborflow.tensorflow.train.StepEvent;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * When the first training step of a run finished, counted from the start of the JVM: the time a
 * user waits for graph building, the data's listing and the first batch.
 */
final class FirstStepClock implements TrainingListener {
  private long uptimeMillis = -1;

  @Override
  public void stepDone(StepEvent event) {
    if (uptimeMillis < 0) {
      uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    }
  }

  /** Prints the time, when a step was taken. */
  void print(PrintStream out) {
    if (uptimeMillis >= 0) {
      out.printf("first training step done %.1f s after start%n", uptimeMillis / 1000.0);
    }
  }
}
