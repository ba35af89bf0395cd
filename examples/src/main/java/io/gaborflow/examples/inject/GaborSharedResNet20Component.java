package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborSharedResNet20Trainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborSharedResNet20}. */
@Component(modules = ExamplesModule.class)
public interface GaborSharedResNet20Component extends ModelComponent {
  @Override
  GaborSharedResNet20Trainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborSharedResNet20Component> {}
}
