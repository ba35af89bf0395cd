package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.history.EpochResult;
import java.util.List;

/**
 * What a run produced.
 *
 * @param learnableParameters trained weights and biases
 * @param fixedParameters weights of the fixed banks, counted as the ordinary kernels they equal
 * @param stopped whether a listener stopped the run before its last epoch ended
 */
public record TrainingResult(
    String model,
    String dataset,
    TrainingConfig config,
    int trainImages,
    int testImages,
    List<EpochResult> epochs,
    Evaluation finalEvaluation,
    long learnableParameters,
    long fixedParameters,
    boolean stopped) {

  /** Copies the epochs. */
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /** The final test accuracy. */
  public double testAccuracy() {
    return finalEvaluation.accuracy();
  }
}
