package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.LeNetTrainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.LeNet}. */
@Component(modules = ExamplesModule.class)
public interface LeNetComponent extends ModelComponent {
  @Override
  LeNetTrainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<LeNetComponent> {}
}
