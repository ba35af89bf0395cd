package io.gaborflow.core.annotation;

/** When a {@link Fixed} bank with {@code trainableEpochs > 0} trains. */
public enum TrainableAt {
  /** The first {@code trainableEpochs} epochs, then frozen: adapt early, then train cheaply. */
  START,
  /** The last {@code trainableEpochs} epochs: fine-tune the Gabor filters at the end. */
  END
}
