package io.gaborflow.tensorflow.train;

/**
 * One finished training step.
 *
 * @param epoch the epoch, from 1
 * @param epochs epochs in the run
 * @param step the step in its epoch, from 1
 * @param steps steps in an epoch
 * @param meanLoss mean training loss of the epoch's steps so far
 * @param imagesPerSecond training throughput of the epoch so far
 * @param learningRate the rate this step used
 * @param loss this step's training loss (NaN when every image of its batch was skipped)
 * @param globalStep the step's index in the run, from 0: {@code (epoch - 1) * steps + step - 1}
 */
public record StepEvent(
    int epoch,
    int epochs,
    int step,
    int steps,
    double meanLoss,
    double imagesPerSecond,
    float learningRate,
    double loss,
    long globalStep) {}
