package io.gaborflow.tensorflow.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images in class folders ({@code folder:DIR}): {@code DIR/train/<class>/*} and {@code
 * DIR/test/<class>/*}, PNG, JPEG, BMP or GIF. Class names are the folder names, sorted; the test
 * split must have the same classes. Images are resized to the spec's size when it gives one;
 * otherwise all must have the size of the first, and they are read as grey when the first one is
 * grey, as RGB otherwise. A file that is not an image, an empty class folder or a missing split is
 * an error naming it.
 */
public final class ImageFolderDataSource implements DataSource {
  @Override
  public String usage() {
    return "folder:DIR (DIR/train/<class>/*.png and DIR/test/<class>/*.png)";
  }

  @Override
  public Dataset load(DataSpec spec) {
    String argument = spec.argument();
    ImageSize resize = spec.resize();
    if (argument.isEmpty()) {
      throw new IllegalArgumentException("data source 'folder' needs a directory: folder:DIR");
    }
    Path root = Path.of(argument);
    if (!Files.isDirectory(root)) {
      throw new DataFormatException(root, "directory does not exist");
    }
    List<String> classes = classFolders(root.resolve("train"));
    List<String> testClasses = classFolders(root.resolve("test"));
    if (!testClasses.equals(classes)) {
      throw new DataFormatException(root.resolve("test"),
          "has classes " + testClasses + " but train has " + classes + "; both need the same class folders");
    }
    ImageSize size = resize != null ? resize : sizeOf(firstImage(root.resolve("train"), classes));
    ImageSet train = read(root.resolve("train"), classes, size, resize != null);
    ImageSet test = read(root.resolve("test"), classes, size, resize != null);
    String name = root.getFileName() == null ? "folder" : root.getFileName().toString();
    return new Dataset(name, train, test, classes.size(), classes);
  }

  private static List<String> classFolders(Path split) {
    if (!Files.isDirectory(split)) {
      throw new DataFormatException(split, "missing: an image folder needs train/<class>/ and test/<class>/");
    }
    List<String> classes = new ArrayList<>();
    try (Stream<Path> entries = Files.list(split)) {
      entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(classes::add);
    } catch (IOException e) {
      throw new DataFormatException(split.toString(), "cannot be listed: " + e.getMessage(), e);
    }
    if (classes.size() < 2) {
      throw new DataFormatException(split, "has " + classes.size() + " class folders; at least 2 are needed");
    }
    return classes;
  }

  private static List<Path> files(Path classFolder) {
    try (Stream<Path> entries = Files.list(classFolder)) {
      List<Path> files = entries.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      if (files.isEmpty()) {
        throw new DataFormatException(classFolder, "class folder is empty");
      }
      return files;
    } catch (IOException e) {
      throw new DataFormatException(classFolder.toString(), "cannot be listed: " + e.getMessage(), e);
    }
  }

  private static Path firstImage(Path split, List<String> classes) {
    return files(split.resolve(classes.get(0))).get(0);
  }

  private static ImageSize sizeOf(Path file) {
    BufferedImage image = ImageDecoder.read(file);
    int channels = image.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
    return new ImageSize(image.getHeight(), image.getWidth(), channels);
  }

  private static ImageSet read(Path split, List<String> classes, ImageSize size, boolean resizing) {
    List<float[]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int label = 0; label < classes.size(); label++) {
      for (Path file : files(split.resolve(classes.get(label)))) {
        BufferedImage image = ImageDecoder.read(file);
        if (!resizing && (image.getHeight() != size.height() || image.getWidth() != size.width())) {
          throw new DataFormatException(file, "is " + image.getHeight() + "x" + image.getWidth()
              + " but the first image is " + size.height() + "x" + size.width()
              + "; make them one size or let gaborflow resize them (--resize)");
        }
        images.add(ImageDecoder.pixels(image, size.height(), size.width(), size.channels()));
        labels.add(label);
      }
    }
    int per = size.height() * size.width() * size.channels();
    float[] pixels = new float[images.size() * per];
    int[] labelArray = new int[images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, pixels, i * per, per);
      labelArray[i] = labels.get(i);
    }
    return new ImageSet(pixels, labelArray, size.height(), size.width(), size.channels());
  }
}
