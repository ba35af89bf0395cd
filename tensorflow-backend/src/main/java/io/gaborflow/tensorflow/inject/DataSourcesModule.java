package io.gaborflow.tensorflow.inject;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.gaborflow.tensorflow.data.Cifar10DataSource;
import io.gaborflow.tensorflow.data.DataSource;
import io.gaborflow.tensorflow.data.DataSources;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import io.gaborflow.tensorflow.data.ImageFolderDataSource;
import io.gaborflow.tensorflow.data.TfRecordDataSource;
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

  /** {@code idx:DIR}: the four MNIST-format files in a directory. */
  @Provides
  @IntoMap
  @StringKey("idx")
  static DataSource idx() {
    return new IdxDataSource();
  }

  /** {@code fashion-mnist}: Debian's package in {@link #FASHION_MNIST_DIRECTORY}. */
  @Provides
  @IntoMap
  @StringKey("fashion-mnist")
  static DataSource fashionMnist() {
    return new IdxDataSource(
        "fashion-mnist", FASHION_MNIST_DIRECTORY, IdxDataSource.FASHION_MNIST_CLASSES);
  }

  /** {@code cifar10:DIR}: CIFAR-10's binary batches. */
  @Provides
  @IntoMap
  @StringKey("cifar10")
  static DataSource cifar10() {
    return new Cifar10DataSource();
  }

  /** {@code folder:DIR}: {@code train/<class>/*} and {@code test/<class>/*} image files. */
  @Provides
  @IntoMap
  @StringKey("folder")
  static DataSource folder() {
    return new ImageFolderDataSource();
  }

  /** {@code tfrecord:GLOB}: TFRecord files of {@code tf.train.Example} records. */
  @Provides
  @IntoMap
  @StringKey("tfrecord")
  static DataSource tfrecord() {
    return new TfRecordDataSource();
  }

  /** The data set the bound {@link DataSpec} names. */
  @Provides
  static Dataset dataset(DataSpec spec, DataSources sources) {
    return sources.load(spec);
  }
}
