package io.gaborflow.tensorflow.inject;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.gaborflow.tensorflow.data.Cifar10DataSource;
import io.gaborflow.tensorflow.data.DataSource;
import io.gaborflow.tensorflow.data.ImageFolderDataSource;
import io.gaborflow.tensorflow.data.DataSources;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import java.nio.file.Path;

/**
 * The built-in data sources, each under its {@code --data} name, and the {@link Dataset} that the
 * bound {@link DataSpec} selects. A component adds sources of its own with more {@code @IntoMap}
 * bindings.
 */
@Module
public interface DataSourcesModule {
  /** Where Debian's {@code dataset-fashion-mnist} package puts the data. */
  Path FASHION_MNIST_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  @Provides
  @IntoMap
  @StringKey("idx")
  static DataSource idx() {
    return new IdxDataSource();
  }

  @Provides
  @IntoMap
  @StringKey("fashion-mnist")
  static DataSource fashionMnist() {
    return new IdxDataSource("fashion-mnist", FASHION_MNIST_DIRECTORY, IdxDataSource.FASHION_MNIST_CLASSES);
  }

  @Provides
  @IntoMap
  @StringKey("cifar10")
  static DataSource cifar10() {
    return new Cifar10DataSource();
  }

  @Provides
  @IntoMap
  @StringKey("folder")
  static DataSource folder() {
    return new ImageFolderDataSource();
  }

  @Provides
  static Dataset dataset(DataSpec spec, DataSources sources) {
    return sources.load(spec);
  }
}
