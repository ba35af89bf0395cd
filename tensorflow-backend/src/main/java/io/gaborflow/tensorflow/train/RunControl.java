package io.gaborflow.tensorflow.train;

/**
 * Lets a listener end a run: after {@link #stop()} the run finishes the step it is in, writes a
 * checkpoint when it writes them (from which {@code --resume} continues, mid-epoch if need be), and
 * returns what it has.
 */
public final class RunControl {
  private volatile boolean stopRequested;

  /** Asks the run to stop after the current step. */
  public void stop() {
    stopRequested = true;
  }

  /** Whether a listener asked the run to stop. */
  public boolean stopRequested() {
    return stopRequested;
  }
}
