package io.gaborflow.tensorflow.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files of a folder are its images: every regular file at any depth, except hidden ones (a
 * name, or a folder on the way, starting with a dot: {@code .DS_Store}, {@code .git}), in path
 * order. What a file holds is checked when it is read ({@link ImageDecoder}).
 */
public final class ImageFiles {
  private ImageFiles() {}

  /** The image files under {@code folder}, relative to it, in path order. */
  public static List<Path> under(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new DataFormatException(folder, "is not a folder");
    }
    try (Stream<Path> entries = Files.walk(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .map(folder::relativize)
          .filter(relative -> !hidden(relative))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new DataFormatException(folder.toString(), "cannot be listed: " + e.getMessage(), e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
