// src/main/java/com/example/EdgeNetComponent.java
package com.example;

import dagger.BindsInstance;
import dagger.Component;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.inject.DataSourcesModule;
import io.gaborflow.tensorflow.inject.TrainingModule;
import io.gaborflow.tensorflow.train.TrainingConfig;

/** Wires the generated EdgeNetTrainer to a training configuration and a data set. */
@Component(modules = {DataSourcesModule.class, TrainingModule.class})
public interface EdgeNetComponent {
  EdgeNetTrainer trainer();

  @Component.Factory
  interface Factory {
    EdgeNetComponent create(@BindsInstance TrainingConfig config, @BindsInstance DataSpec data);
  }
}
