package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code half-gabor} (test.HalfGaborNet): its graph is {@link HalfGaborNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.HalfGaborNet"
)
public final class HalfGaborNetTrainer extends ModelTrainer {
  @Inject
  public HalfGaborNetTrainer(TrainingConfig config, Dataset data, Set<TrainingListener> listeners) {
    super(new HalfGaborNetGraph(), config, data, listeners);
  }
}
