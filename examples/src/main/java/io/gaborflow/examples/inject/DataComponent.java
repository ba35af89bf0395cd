package io.gaborflow.examples.inject;

import dagger.Component;
import io.gaborflow.tensorflow.data.DataSources;

/** Every registered data source, for commands that load data for several models at once. */
@Component(modules = ExamplesModule.class)
public interface DataComponent {
  DataSources dataSources();
}
