package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborStemResNet20Trainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborStemResNet20}. */
@Component(modules = ExamplesModule.class)
public interface GaborStemResNet20Component extends ModelComponent {
  @Override
  GaborStemResNet20Trainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborStemResNet20Component> {}
}
