package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.ProgressReporter;
import io.gaborflow.tensorflow.train.TrainingConfig;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code all-learnable-net} (test.AllLearnableNet): its graph is {@link AllLearnableNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.AllLearnableNet"
)
public final class AllLearnableNetTrainer extends ModelTrainer {
  @Inject
  public AllLearnableNetTrainer(TrainingConfig config, Dataset data, ProgressReporter progress) {
    super(new AllLearnableNetGraph(), config, data, progress);
  }
}
