package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborLeNetTrainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborLeNet}. */
@Component(modules = ExamplesModule.class)
public interface GaborLeNetComponent extends ModelComponent {
  @Override
  GaborLeNetTrainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborLeNetComponent> {}
}
