package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code parametric-gabor} (test.ParametricGaborNet): its graph is {@link ParametricGaborNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.ParametricGaborNet"
)
public final class ParametricGaborNetTrainer extends ModelTrainer {
  @Inject
  public ParametricGaborNetTrainer(TrainingConfig config, Dataset data,
      Set<TrainingListener> listeners) {
    super(new ParametricGaborNetGraph(), config, data, listeners);
  }
}
