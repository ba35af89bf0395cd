package io.gaborflow.examples.data;

import io.gaborflow.tensorflow.data.DataFormatException;
import io.gaborflow.tensorflow.data.DataSource;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import io.gaborflow.tensorflow.data.IdxFile;
import io.gaborflow.tensorflow.data.ImageSet;
import java.io.InputStream;

/**
 * A class-balanced slice of Fashion-MNIST shipped in this jar (6,000 training and 1,000 test
 * images; MIT licence, see the LICENSE file beside the data), so {@code gaborflow train} runs
 * offline with no download. Made by {@code examples/scripts/make-embedded-slice.py}.
 */
public final class EmbeddedFashionMnist implements DataSource {
  public static final String NAME = "embedded";
  private static final String FOLDER = "fashion-mnist-slice/";

  @Override
  public String usage() {
    return NAME + " (a 7,000-image slice of Fashion-MNIST shipped with gaborflow)";
  }

  @Override
  public Dataset load(DataSpec spec) {
    ImageSet train = imageSet("train");
    ImageSet test = imageSet("t10k");
    return new Dataset("fashion-mnist-slice", train, test, 10, IdxDataSource.FASHION_MNIST_CLASSES);
  }

  private static ImageSet imageSet(String prefix) {
    return IdxDataSource.imageSet(
        resource(prefix + "-images-idx3-ubyte.gz"), resource(prefix + "-labels-idx1-ubyte.gz"));
  }

  private static IdxFile resource(String name) {
    String path = FOLDER + name;
    InputStream in = EmbeddedFashionMnist.class.getResourceAsStream(path);
    if (in == null) {
      throw new DataFormatException("resource " + path, "missing from the gaborflow-examples jar");
    }
    return IdxFile.read(in, "resource " + path);
  }
}
