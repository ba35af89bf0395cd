package test;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;
import javax.annotation.processing.Generated;
import javax.inject.Inject;

/**
 * Trains {@code gabor-basis} (test.GaborBasisNet): its graph is {@link GaborBasisNetGraph}.
 */
@Generated(
    value = "io.gaborflow.processor.NetworkProcessor",
    comments = "from test.GaborBasisNet"
)
public final class GaborBasisNetTrainer extends ModelTrainer {
  @Inject
  public GaborBasisNetTrainer(TrainingConfig config, Dataset data,
      Set<TrainingListener> listeners) {
    super(new GaborBasisNetGraph(), config, data, listeners);
  }
}
