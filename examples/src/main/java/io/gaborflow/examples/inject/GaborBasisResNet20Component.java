package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.examples.models.GaborBasisResNet20Trainer;

/** Provides the trainer of {@link io.gaborflow.examples.models.GaborBasisResNet20}. */
@Component(modules = ExamplesModule.class)
public interface GaborBasisResNet20Component extends ModelComponent {
  @Override
  GaborBasisResNet20Trainer trainer();

  @Component.Factory
  interface Factory extends ModelComponent.Factory<GaborBasisResNet20Component> {}
}
