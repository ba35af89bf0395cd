package io.gaborflow.examples.inject;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.tensorflow.data.DataSource;
import io.gaborflow.tensorflow.inject.DataSourcesModule;
import io.gaborflow.tensorflow.inject.TrainingModule;

/** The backend's data sources and training bindings, plus the slice shipped with the examples. */
@Module(includes = {DataSourcesModule.class, TrainingModule.class})
public interface ExamplesModule {
  @Provides
  @IntoMap
  @StringKey(EmbeddedFashionMnist.NAME)
  static DataSource embedded() {
    return new EmbeddedFashionMnist();
  }
}
