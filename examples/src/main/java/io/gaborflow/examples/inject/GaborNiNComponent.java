package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborNiNTrainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborNiN}. */
@Component(modules = ExamplesModule.class)
public interface GaborNiNComponent extends ModelComponent {
  @Override
  GaborNiNTrainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborNiNComponent> {}
}
