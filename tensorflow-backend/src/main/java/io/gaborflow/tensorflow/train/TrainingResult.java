package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.history.EpochResult;
import java.util.List;

/**
 * What a run produced.
 *
 * @param learnableParameters trained weights and biases
 * @param fixedParameters weights of the fixed banks, counted as the ordinary kernels they equal
 * @param stopped whether a listener stopped the run before its last epoch ended
 * @param validationImages images held out of training as the validation split (0: none)
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
    boolean stopped,
    int validationImages) {

  /** Copies the epochs. */
  public TrainingResult {
    epochs = List.copyOf(epochs);
  }

  /**
   * The epoch with the best validation accuracy (the first of equals): the one the best checkpoint
   * holds; empty without a validation split.
   */
  public java.util.Optional<EpochResult> bestValidationEpoch() {
    return EpochResult.bestValidated(epochs);
  }

  /** The final test accuracy. */
  public double testAccuracy() {
    return finalEvaluation.accuracy();
  }
}
