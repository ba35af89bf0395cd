package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images in class folders ({@code folder:DIR}): {@code DIR/train/<class>/...} and {@code
 * DIR/test/<class>/...}, PNG, JPEG, BMP or GIF, in the class folder or in folders below it. Class
 * names are the folder names, sorted; the test split must have the same classes. The subsets {@code
 * --limit-train} and {@code --limit-test} ask for are chosen from the file list; images are decoded
 * when a batch reads them, so only the images used are decoded and memory holds the file list, not
 * the pixels. Images are resized to the spec's size when it gives one; otherwise all must have the
 * size of the first, and they are read as grey when the first one is grey, as RGB otherwise. A file
 * that is not an image, an empty class folder or a missing split is an error naming it.
 */
public final class ImageFolderDataSource implements DataSource {
  @Override
  public String usage() {
    return "folder:DIR (DIR/train/<class>/*.png and DIR/test/<class>/*.png)";
  }

  @Override
  public Dataset load(DataSpec spec) {
    String argument = spec.argument();
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
      throw new DataFormatException(
          root.resolve("test"),
          "has classes "
              + testClasses
              + " but train has "
              + classes
              + "; both need the same class folders");
    }
    List<ImageFile> trainFiles =
        EncodedImages.subset(
            list(root.resolve("train"), classes),
            classes.size(),
            spec.limitTrain(),
            spec.subsetSeed());
    List<ImageFile> testFiles =
        EncodedImages.subset(
            list(root.resolve("test"), classes),
            classes.size(),
            spec.limitTest(),
            Seeds.testSubset(spec.subsetSeed()));
    String name = root.getFileName() == null ? "folder" : root.getFileName().toString();
    ImageSize size = EncodedImages.size(spec, name, trainFiles);
    return new Dataset(
        name,
        EncodedImages.samples(spec, trainFiles, size),
        EncodedImages.samples(spec, testFiles, size),
        classes.size(),
        classes);
  }

  private static List<String> classFolders(Path split) {
    if (!Files.isDirectory(split)) {
      throw new DataFormatException(
          split, "missing: an image folder needs train/<class>/ and test/<class>/");
    }
    List<String> classes = new ArrayList<>();
    try (Stream<Path> entries = Files.list(split)) {
      entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .forEach(classes::add);
    } catch (IOException e) {
      throw new DataFormatException(split.toString(), "cannot be listed: " + e.getMessage(), e);
    }
    if (classes.size() < 2) {
      throw new DataFormatException(
          split, "has " + classes.size() + " class folders; at least 2 are needed");
    }
    return classes;
  }

  /**
   * Every file of every class folder of {@code split}, class by class, each class's in path order.
   */
  private static List<ImageFile> list(Path split, List<String> classes) {
    List<ImageFile> all = new ArrayList<>();
    for (int label = 0; label < classes.size(); label++) {
      Path classFolder = split.resolve(classes.get(label));
      int before = all.size();
      for (Path relative : ImageFiles.under(classFolder)) {
        all.add(new ImageFile(classFolder, relative.toString(), label));
      }
      if (all.size() == before) {
        throw new DataFormatException(classFolder, "class folder is empty");
      }
    }
    return all;
  }

  /**
   * An image file and the class of the folder it is in. The folder is shared by its files and the
   * name kept as text, about half of what a {@link Path} per file holds in memory.
   */
  private record ImageFile(Path classFolder, String name, int label) implements EncodedImage {
    @Override
    public BufferedImage decode() {
      return ImageDecoder.read(classFolder.resolve(name));
    }

    @Override
    public DataFormatException problem(String what) {
      return new DataFormatException(classFolder.resolve(name), what);
    }

    @Override
    public String location() {
      return classFolder.resolve(name).toAbsolutePath().toString();
    }
  }
}
