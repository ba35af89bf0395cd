package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.NiNTrainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.NiN}. */
@Component(modules = ExamplesModule.class)
public interface NiNComponent extends ModelComponent {
  @Override
  NiNTrainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<NiNComponent> {}
}
