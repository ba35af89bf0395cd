package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
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
  public AllLearnableNetTrainer(TrainingConfig config, Dataset data,
      Set<TrainingListener> listeners) {
    super(new AllLearnableNetGraph(), config, data, listeners);
  }
}
