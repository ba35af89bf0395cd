package io.gaborflow.tensorflow.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A directory holding the four MNIST-format files: {@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each
 * raw or with {@code .gz}. Pixels are scaled from 0..255 to 0..1.
 */
public final class IdxDataSource implements DataSource {
  /** Fashion-MNIST's class names, by label. */
  public static final List<String> FASHION_MNIST_CLASSES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private final String name;
  private final Path fixedDirectory;
  private final List<String> classNames;

  /** A source whose directory comes from the data spec ({@code idx:DIR}). */
  public IdxDataSource() {
    this("idx", null, List.of());
  }

  /**
   * A source bound to one directory, registered under {@code name}, whose labels mean {@code
   * classNames}.
   */
  public IdxDataSource(String name, Path directory, List<String> classNames) {
    this.name = name;
    this.fixedDirectory = directory;
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public String usage() {
    return fixedDirectory == null ? name + ":DIR" : name + " (" + fixedDirectory + ")";
  }

  @Override
  public Dataset load(DataSpec spec) {
    String argument = spec.argument();
    if (fixedDirectory == null && argument.isEmpty()) {
      throw new IllegalArgumentException("data source 'idx' needs a directory: idx:DIR");
    }
    Path directory = fixedDirectory != null ? fixedDirectory : Path.of(argument);
    Dataset data =
        load(
            directory,
            fixedDirectory != null
                ? name
                : directory.getFileName() == null ? name : directory.getFileName().toString());
    return classNames.isEmpty()
        ? data
        : new Dataset(data.name(), data.train(), data.test(), data.classes(), classNames);
  }

  /** Reads the four files of {@code directory}. */
  public static Dataset load(Path directory, String datasetName) {
    if (!Files.isDirectory(directory)) {
      throw new DataFormatException(directory, "directory does not exist");
    }
    ImageSet train =
        imageSet(
            find(directory, "train-images-idx3-ubyte"), find(directory, "train-labels-idx1-ubyte"));
    ImageSet test =
        imageSet(
            find(directory, "t10k-images-idx3-ubyte"), find(directory, "t10k-labels-idx1-ubyte"));
    int classes = 0;
    for (ImageSet set : new ImageSet[] {train, test}) {
      for (int i = 0; i < set.size(); i++) {
        classes = Math.max(classes, set.label(i) + 1);
      }
    }
    return new Dataset(datasetName, train, test, classes);
  }

  private static Path find(Path directory, String baseName) {
    for (String candidate : new String[] {baseName + ".gz", baseName}) {
      Path file = directory.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new DataFormatException(
        directory.resolve(baseName),
        "missing: expected " + baseName + " or " + baseName + ".gz in " + directory);
  }

  static ImageSet imageSet(Path imagesFile, Path labelsFile) {
    return imageSet(IdxFile.read(imagesFile), IdxFile.read(labelsFile));
  }

  /** Pairs an images file with its labels file; pixels are scaled from 0..255 to 0..1. */
  public static ImageSet imageSet(IdxFile images, IdxFile labels) {
    String imagesFile = images.source();
    String labelsFile = labels.source();
    if (images.dimensions().length != 3) {
      throw new DataFormatException(
          imagesFile,
          3,
          "an images file has 3 dimensions (count, rows, columns), this one has "
              + Arrays.toString(images.dimensions()));
    }
    if (labels.dimensions().length != 1) {
      throw new DataFormatException(
          labelsFile,
          3,
          "a labels file has 1 dimension (count), this one has "
              + Arrays.toString(labels.dimensions()));
    }
    int count = images.dimensions()[0];
    if (labels.dimensions()[0] != count) {
      throw new DataFormatException(
          labelsFile,
          4,
          "holds "
              + labels.dimensions()[0]
              + " labels but "
              + imagesFile
              + " holds "
              + count
              + " images");
    }
    byte[] raw = images.data();
    float[] pixels = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      pixels[i] = (raw[i] & 0xff) / 255f;
    }
    int[] labelValues = new int[count];
    byte[] labelBytes = labels.data();
    for (int i = 0; i < count; i++) {
      labelValues[i] = labelBytes[i] & 0xff;
    }
    return new ImageSet(pixels, labelValues, images.dimensions()[1], images.dimensions()[2], 1);
  }
}
