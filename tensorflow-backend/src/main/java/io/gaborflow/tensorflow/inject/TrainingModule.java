package io.gaborflow.tensorflow.inject;

import dagger.Module;
import dagger.Provides;
import io.gaborflow.tensorflow.train.ProgressReporter;

/** What a trainer needs besides its config and data: where progress goes. */
@Module
public interface TrainingModule {
  @Provides
  static ProgressReporter progress() {
    return ProgressReporter.forConsole();
  }
}
