package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code vone-gabor} (test.VOneGaborNet): its graph is {@link VOneGaborNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.VOneGaborNet"
)
public final class VOneGaborNetTrainer extends ModelTrainer {
  @Inject
  public VOneGaborNetTrainer(TrainingConfig config, Dataset data, Set<TrainingListener> listeners) {
    super(new VOneGaborNetGraph(), config, data, listeners);
  }
}
