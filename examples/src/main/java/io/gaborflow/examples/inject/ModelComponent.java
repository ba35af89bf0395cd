package io.gaborflow.examples.inject;

import dagger.BindsInstance;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.train.ModelTrainer;
import io.gaborflow.tensorflow.train.TrainingConfig;

/**
 * What every example model's Dagger component offers: its trainer, for a config and a data spec.
 */
public interface ModelComponent {
  ModelTrainer trainer();

  /** The factory method each component's {@code @Component.Factory} inherits. */
  interface Factory<C extends ModelComponent> {
    C create(@BindsInstance TrainingConfig config, @BindsInstance DataSpec data);
  }
}
