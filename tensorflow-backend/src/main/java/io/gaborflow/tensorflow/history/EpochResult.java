package io.gaborflow.tensorflow.history;

/**
 * One epoch's figures.
 *
 * @param seconds wall time of the training steps only (evaluation excluded)
 * @param trainLoss mean loss over the epoch's steps
 * @param inputWaitSeconds the part of {@code seconds} spent waiting for the next batch to be read
 */
public record EpochResult(
    int epoch,
    int epochs,
    double seconds,
    double trainLoss,
    double testLoss,
    double testAccuracy,
    int images,
    double inputWaitSeconds) {

  /** An epoch whose input wait was not measured. */
  public EpochResult(
      int epoch,
      int epochs,
      double seconds,
      double trainLoss,
      double testLoss,
      double testAccuracy,
      int images) {
    this(epoch, epochs, seconds, trainLoss, testLoss, testAccuracy, images, 0);
  }

  /** The share of the epoch's training time spent waiting for input, 0 to 1. */
  public double inputStall() {
    return seconds > 0 ? inputWaitSeconds / seconds : 0;
  }

  /** Training throughput of the epoch. */
  public double imagesPerSecond() {
    return seconds > 0 ? images / seconds : 0;
  }

  /**
   * One line for logs: "epoch 1/2: train loss 0.5123, test loss ..., test accuracy 0.8612, ...".
   */
  public String summary() {
    return String.format(
        "epoch %d/%d: train loss %.4f, test loss %.4f, test accuracy %.4f, %.1f s, %.0f images/s, input wait %.1f %%",
        epoch,
        epochs,
        trainLoss,
        testLoss,
        testAccuracy,
        seconds,
        imagesPerSecond(),
        100 * inputStall());
  }
}
