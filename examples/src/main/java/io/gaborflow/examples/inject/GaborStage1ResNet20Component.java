package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborStage1ResNet20Trainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborStage1ResNet20}. */
@Component(modules = ExamplesModule.class)
public interface GaborStage1ResNet20Component extends ModelComponent {
  @Override
  GaborStage1ResNet20Trainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborStage1ResNet20Component> {}
}
