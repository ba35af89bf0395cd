package io.gaborflow.tensorflow.train;

/** Mean loss and accuracy of a model over a set of images. */
public record Evaluation(double loss, double accuracy, int images) {}
