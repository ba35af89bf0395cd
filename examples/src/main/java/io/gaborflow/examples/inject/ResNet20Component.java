package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.ResNet20Trainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.ResNet20}. */
@Component(modules = ExamplesModule.class)
public interface ResNet20Component extends ModelComponent {
  @Override
  ResNet20Trainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<ResNet20Component> {}
}
