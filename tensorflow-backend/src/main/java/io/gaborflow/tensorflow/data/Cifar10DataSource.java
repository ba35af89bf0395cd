package io.gaborflow.tensorflow.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10's binary version ({@code cifar10:DIR}): {@code data_batch_1.bin} .. {@code
 * data_batch_5.bin} for training and {@code test_batch.bin}, each a run of 3,073-byte records (a
 * label byte, then the 32x32 red, green and blue planes). Class names come from {@code
 * batches.meta.txt} when it is there. Pixels are scaled to 0..1, as RGB.
 */
public final class Cifar10DataSource implements DataSource {
  static final int SIDE = 32;
  static final int PLANE = SIDE * SIDE;
  static final int RECORD = 1 + 3 * PLANE;
  static final int CLASSES = 10;

  @Override
  public String usage() {
    return "cifar10:DIR";
  }

  @Override
  public Dataset load(DataSpec spec) {
    String argument = spec.argument();
    if (argument.isEmpty()) {
      throw new IllegalArgumentException("data source 'cifar10' needs a directory: cifar10:DIR");
    }
    Path dir = Path.of(argument);
    if (!Files.isDirectory(dir)) {
      throw new DataFormatException(dir, "directory does not exist");
    }
    List<Path> trainFiles = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      trainFiles.add(required(dir, "data_batch_" + i + ".bin"));
    }
    ImageSet train = read(trainFiles);
    ImageSet test = read(List.of(required(dir, "test_batch.bin")));
    return new Dataset("cifar10", train, test, CLASSES, classNames(dir));
  }

  private static Path required(Path dir, String name) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new DataFormatException(
          file,
          "missing: a CIFAR-10 binary directory holds data_batch_1.bin"
              + " .. data_batch_5.bin and test_batch.bin");
    }
    return file;
  }

  /** The records of {@code files}, in order. */
  public static ImageSet read(List<Path> files) {
    List<byte[]> contents = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      contents.add(readAll(file));
      names.add(file.toString());
    }
    return decode(contents, names);
  }

  /** Decodes batch files already in memory; {@code names} name them in errors. */
  public static ImageSet decode(List<byte[]> contents, List<String> names) {
    int count = 0;
    for (int f = 0; f < contents.size(); f++) {
      byte[] bytes = contents.get(f);
      if (bytes.length % RECORD != 0) {
        long complete = bytes.length / RECORD;
        throw new DataFormatException(
            names.get(f),
            complete * RECORD,
            "truncated record: "
                + bytes.length
                + " bytes is not a whole number of "
                + RECORD
                + "-byte records (label + 32x32x3 pixels)");
      }
      count += bytes.length / RECORD;
    }
    float[] pixels = new float[count * 3 * PLANE];
    int[] labels = new int[count];
    int image = 0;
    for (int f = 0; f < contents.size(); f++) {
      byte[] bytes = contents.get(f);
      for (int at = 0; at < bytes.length; at += RECORD, image++) {
        int label = bytes[at] & 0xff;
        if (label >= CLASSES) {
          throw new DataFormatException(names.get(f), at, "label " + label + " is outside 0..9");
        }
        labels[image] = label;
        int base = image * 3 * PLANE;
        for (int p = 0; p < PLANE; p++) {
          for (int c = 0; c < 3; c++) {
            pixels[base + p * 3 + c] = (bytes[at + 1 + c * PLANE + p] & 0xff) / 255f;
          }
        }
      }
    }
    return new ImageSet(pixels, labels, SIDE, SIDE, 3);
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<String> classNames(Path dir) {
    Path meta = dir.resolve("batches.meta.txt");
    if (!Files.isRegularFile(meta)) {
      return List.of();
    }
    try {
      List<String> names =
          Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList();
      return names.size() == CLASSES ? names : List.of();
    } catch (IOException e) {
      throw new DataFormatException(meta.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }
}
