package io.gaborflow.tensorflow.inject;

import dagger.Module;
import dagger.multibindings.Multibinds;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.util.Set;

/**
 * What a trainer needs besides its config and data: the listeners of its runs, none unless a module
 * adds some with {@code @Provides @IntoSet TrainingListener}. The run's progress is logged through
 * SLF4J either way.
 */
@Module
public interface TrainingModule {
  /** The listeners every run of a trainer tells about its progress. */
  @Multibinds
  Set<TrainingListener> listeners();
}
