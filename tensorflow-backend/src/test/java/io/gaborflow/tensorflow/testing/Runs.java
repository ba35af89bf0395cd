package io.gaborflow.tensorflow.testing;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingListener;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.util.List;

/** Training runs in a session the test keeps, through the public trainer. */
public final class Runs {
  private Runs() {}

  /**
   * Trains {@code session}'s model on {@code data}, telling {@code listener}, with {@code options}.
   */
  public static TrainingResult train(
      ModelSession session, Dataset data, TrainingListener listener, RunOptions options) {
    return ModelTrainer.of(session.model(), session.config(), data)
        .train(session, options, List.of(listener));
  }

  /**
   * As {@link #train(ModelSession, Dataset, TrainingListener, RunOptions)}, without checkpoints or
   * export.
   */
  public static TrainingResult train(
      ModelSession session, Dataset data, TrainingListener listener) {
    return train(session, data, listener, RunOptions.NONE);
  }

  /** As {@link #train(ModelSession, Dataset, TrainingListener)}, telling no one. */
  public static TrainingResult train(ModelSession session, Dataset data) {
    return train(session, data, TrainingListener.silent());
  }
}
