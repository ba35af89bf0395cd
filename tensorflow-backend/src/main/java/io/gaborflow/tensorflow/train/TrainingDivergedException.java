package io.gaborflow.tensorflow.train;

/** The loss became NaN or infinite; the run stops instead of training on garbage. */
public class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The loss of {@code step} of {@code epoch} was {@code loss}, not finite. */
  public TrainingDivergedException(int epoch, int step, float loss) {
    super(
        "loss became "
            + loss
            + " at epoch "
            + epoch
            + ", step "
            + step
            + "; lower the learning rate or check the input data");
  }
}
