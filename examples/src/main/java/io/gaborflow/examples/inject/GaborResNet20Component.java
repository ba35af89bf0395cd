package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborResNet20Trainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborResNet20}. */
@Component(modules = ExamplesModule.class)
public interface GaborResNet20Component extends ModelComponent {
  @Override
  GaborResNet20Trainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborResNet20Component> {}
}
