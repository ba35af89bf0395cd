package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code residual} (test.ResidualNet): its graph is {@link ResidualNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.ResidualNet"
)
public final class ResidualNetTrainer extends ModelTrainer {
  @Inject
  public ResidualNetTrainer(TrainingConfig config, Dataset data, Set<TrainingListener> listeners) {
    super(new ResidualNetGraph(), config, data, listeners);
  }
}
