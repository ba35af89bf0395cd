package io.gaborflow.core.model;

import io.gaborflow.core.annotation.TrainableAt;

/** The epochs in which a partially trained Gabor bank trains: the first or last {@code epochs}. */
public record TrainingWindow(int epochs, TrainableAt at) {
  /** Whether the bank trains in {@code epoch} (counted from 1) of a run of {@code totalEpochs}. */
  public boolean includes(int epoch, int totalEpochs) {
    return at == TrainableAt.START ? epoch <= epochs : epoch > totalEpochs - epochs;
  }
}
