package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code given-filters-net} (test.GivenFiltersNet): its graph is {@link GivenFiltersNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.GivenFiltersNet"
)
public final class GivenFiltersNetTrainer extends ModelTrainer {
  @Inject
  public GivenFiltersNetTrainer(TrainingConfig config, Dataset data,
      Set<TrainingListener> listeners) {
    super(new GivenFiltersNetGraph(), config, data, listeners);
  }
}
