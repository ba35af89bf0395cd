package io.gaborflow.robustness.corruption;

import io.gaborflow.core.npy.NpyArray;
import io.gaborflow.core.npy.NpyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Corrupted test images as Hendrycks and Dietterich published them (CIFAR-10-C): a folder of {@code
 * <corruption>.npy} files, each the 10,000 test images at severity 1, then at 2, ..., 5 (uint8,
 * NHWC), and {@code labels.npy} with their classes in the same order.
 */
public final class RecordedCorruptions {
  /** Images per severity in each file. */
  public static final int PER_SEVERITY = 10_000;

  private static final String LABELS = "labels.npy";

  /**
   * The families of CIFAR-10-C's files that gaborflow does not compute (the others have theirs in
   * {@link Corruption}); a file of neither is reported as "other".
   */
  private static final Map<String, Corruption.Kind> NOT_COMPUTED =
      Map.of(
          "motion_blur", Corruption.Kind.BLUR,
          "snow", Corruption.Kind.WEATHER,
          "frost", Corruption.Kind.WEATHER,
          "spatter", Corruption.Kind.WEATHER);

  private final Path folder;

  private RecordedCorruptions(Path folder) {
    this.folder = folder;
  }

  /** The files in {@code folder}; fails, saying what is missing, unless it has labels.npy. */
  public static RecordedCorruptions in(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + ": no such folder of CIFAR-10-C files");
    }
    if (!Files.isRegularFile(folder.resolve(LABELS))) {
      throw new IllegalArgumentException(
          folder + " has no " + LABELS + "; give the folder CIFAR-10-C unpacks to");
    }
    return new RecordedCorruptions(folder);
  }

  /** The folder the files are in. */
  public Path folder() {
    return folder;
  }

  /** The corruptions there are files for, by name ({@code zoom_blur}), sorted. */
  public List<String> names() {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".npy") && !n.equals(LABELS))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** CIFAR-10-C's family of corruption {@code name}: noise, blur, weather, digital or other. */
  public static String kind(String name) {
    for (Corruption computed : Corruption.values()) {
      if (computed.id().equals(name)) {
        return computed.kind().label();
      }
    }
    Corruption.Kind kind = NOT_COMPUTED.get(name);
    return kind == null ? "other" : kind.label();
  }

  /**
   * Images {@code first} to {@code first + count - 1} of {@code name} at {@code severity}, pixels
   * in 0..1, checked to be {@code height x width x channels}.
   */
  public float[] images(
      String name, int severity, int first, int count, int height, int width, int channels) {
    Path file = folder.resolve(name + ".npy");
    NpyArray rows = read(file, (severity - 1) * PER_SEVERITY + first, count);
    requireShape(file, rows.shape(), height, width, channels);
    float[] pixels = rows.values();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] /= 255f;
    }
    return pixels;
  }

  /**
   * Checks, from the files' headers, that every file holds images of {@code height x width x
   * channels}: before a long run, not when its corruptions come to be evaluated.
   */
  public RecordedCorruptions requireImagesOf(int height, int width, int channels) {
    for (String name : names()) {
      Path file = folder.resolve(name + ".npy");
      try (InputStream in = Files.newInputStream(file)) {
        requireShape(file, NpyReader.readShape(in, file.toString()), height, width, channels);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return this;
  }

  private static void requireShape(Path file, int[] shape, int height, int width, int channels) {
    if (shape.length != 4 || shape[1] != height || shape[2] != width || shape[3] != channels) {
      throw new IllegalArgumentException(
          String.format(
              "%s holds images of shape %s, but the model takes %dx%dx%d",
              file, java.util.Arrays.toString(shape), height, width, channels));
    }
  }

  /** The classes of images {@code first} to {@code first + count - 1} at {@code severity}. */
  public int[] labels(int severity, int first, int count) {
    float[] values =
        read(folder.resolve(LABELS), (severity - 1) * PER_SEVERITY + first, count).values();
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (int) values[i];
    }
    return labels;
  }

  private static NpyArray read(Path file, int first, int count) {
    try {
      return NpyReader.readRows(file, first, count);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
