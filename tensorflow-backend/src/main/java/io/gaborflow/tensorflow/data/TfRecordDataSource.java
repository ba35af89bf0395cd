package io.gaborflow.tensorflow.data;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.gaborflow.core.Seeds;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.tensorflow.proto.Example;
import org.tensorflow.proto.Feature;

/**
 * TFRecord files of {@code tf.train.Example} records ({@code tfrecord:GLOB}): an encoded image
 * (PNG, JPEG, ...) and an integer label each. The files the glob matches split by name into a
 * training set ({@code *train*}) and a test set ({@code *test*}, else {@code *validation*} or
 * {@code *eval*}), each read in file-name order, so shards such as {@code
 * cifar10-train.tfrecord-00000-of-00004} work as they are. The image feature is {@code
 * image/encoded}, else {@code image}; the label {@code image/class/label}, else {@code label};
 * other names are given after a {@code #}: {@code
 * tfrecord:/data/*.tfrecord#image=img,label=target}. Labels are read first and each image's place
 * kept, so only the images of the {@code --limit-train} and {@code --limit-test} subsets are
 * decoded, each read again from its file when a batch needs it: memory holds a place per record,
 * not the records. Images are resized to the spec's size when it gives one; otherwise they must
 * have the first one's size.
 */
public final class TfRecordDataSource implements DataSource {
  private static final List<String> IMAGE_KEYS = List.of("image/encoded", "image");
  private static final List<String> LABEL_KEYS = List.of("image/class/label", "label");

  @Override
  public String usage() {
    return "tfrecord:GLOB (files named *train* and *test*; #image=KEY,label=KEY for other feature names)";
  }

  @Override
  public Dataset load(DataSpec spec) {
    String argument = spec.argument();
    int hash = argument.indexOf('#');
    String glob = hash < 0 ? argument : argument.substring(0, hash);
    Map<String, String> names = hash < 0 ? Map.of() : options(argument.substring(hash + 1));
    if (glob.isEmpty()) {
      throw new IllegalArgumentException(
          "data source 'tfrecord' needs a glob: tfrecord:/data/cifar10-*.tfrecord*");
    }
    List<Path> files = matching(glob);
    List<Path> train = files.stream().filter(f -> name(f).contains("train")).toList();
    List<Path> test = files.stream().filter(f -> name(f).contains("test")).toList();
    if (test.isEmpty()) {
      test =
          files.stream()
              .filter(f -> name(f).contains("validation") || name(f).contains("eval"))
              .toList();
    }
    if (train.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException(
          "tfrecord:"
              + glob
              + " matches "
              + files.stream().map(TfRecordDataSource::name).toList()
              + "; it needs files named *train* and *test* (or *validation*, *eval*)");
    }
    Keys keys = new Keys(names.get("image"), names.get("label"));
    List<EncodedRecord> trainRecords = list(train, keys);
    List<EncodedRecord> testRecords = list(test, keys);
    int classes = Math.max(2, Math.max(maxLabel(trainRecords), maxLabel(testRecords)) + 1);
    trainRecords =
        EncodedImages.subset(trainRecords, classes, spec.limitTrain(), spec.subsetSeed());
    testRecords =
        EncodedImages.subset(
            testRecords, classes, spec.limitTest(), Seeds.testSubset(spec.subsetSeed()));
    String name = Path.of(glob).getFileName().toString();
    ImageSize size = EncodedImages.size(spec, name, trainRecords);
    return new Dataset(
        name,
        EncodedImages.samples(spec, trainRecords, size),
        EncodedImages.samples(spec, testRecords, size),
        classes);
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static Map<String, String> options(String text) {
    Map<String, String> options = new java.util.HashMap<>();
    for (String pair : text.split(",")) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2 || !(kv[0].equals("image") || kv[0].equals("label"))) {
        throw new IllegalArgumentException(
            "tfrecord option '" + pair + "' is not image=KEY or label=KEY");
      }
      options.put(kv[0], kv[1]);
    }
    return options;
  }

  private static List<Path> matching(String glob) {
    Path pattern = Path.of(glob);
    Path directory = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
    if (!Files.isDirectory(directory)) {
      throw new DataFormatException(directory, "directory does not exist");
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DataFormatException(directory.toString(), "cannot be listed: " + e.getMessage(), e);
    }
  }

  private static int maxLabel(List<EncodedRecord> records) {
    return records.stream().mapToInt(EncodedRecord::label).max().orElse(0);
  }

  /** The feature names to read, given or found. */
  private record Keys(String image, String label) {}

  /**
   * Every record of {@code files}, in order, with its label read and its image kept encoded. An
   * empty split is an error naming its files.
   */
  private static List<EncodedRecord> list(List<Path> files, Keys keys) {
    List<EncodedRecord> records = new ArrayList<>();
    for (Path file : files) {
      TfRecordFile.read(
          file,
          (data, index, offset) -> {
            Record where = new Record(file, index, offset);
            Map<String, Feature> features = parse(where, data).getFeatures().getFeatureMap();
            String imageKey = key(keys.image(), IMAGE_KEYS, features, where, "image");
            String labelKey = key(keys.label(), LABEL_KEYS, features, where, "label");
            encodedImage(features, imageKey, where);
            records.add(
                new EncodedRecord(where, imageKey, label(features.get(labelKey), where, labelKey)));
          });
    }
    if (records.isEmpty()) {
      throw new DataFormatException(files.toString(), "holds no records");
    }
    return records;
  }

  private static ByteString encodedImage(Map<String, Feature> features, String key, Record where) {
    Feature image = features.get(key);
    if (image == null) {
      throw where.problem(
          "has no image feature "
              + key
              + "; it has "
              + features.keySet().stream().sorted().toList()
              + " (name yours with #image=KEY)");
    }
    if (image.getBytesList().getValueCount() != 1) {
      throw where.problem("feature " + key + " must hold one encoded image");
    }
    return image.getBytesList().getValue(0);
  }

  private static Example parse(Record where, byte[] data) {
    try {
      return Example.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw where.problem("is not a tf.train.Example (" + e.getMessage() + ")");
    }
  }

  private static String key(
      String given, List<String> usual, Map<String, Feature> features, Record where, String what) {
    List<String> candidates = given != null ? List.of(given) : usual;
    for (String candidate : candidates) {
      if (features.containsKey(candidate)) {
        return candidate;
      }
    }
    throw where.problem(
        "has no "
            + what
            + " feature "
            + candidates
            + "; it has "
            + features.keySet().stream().sorted().toList()
            + " (name yours with #"
            + what
            + "=KEY)");
  }

  private static int label(Feature feature, Record where, String key) {
    if (feature.getInt64List().getValueCount() != 1) {
      throw where.problem("feature " + key + " must hold one integer label");
    }
    long label = feature.getInt64List().getValue(0);
    if (label < 0 || label > Integer.MAX_VALUE) {
      throw where.problem("label " + label + " is negative or too large");
    }
    return (int) label;
  }

  /** Where a record's image is, and its label. */
  private record EncodedRecord(Record where, String key, int label) implements EncodedImage {
    @Override
    public BufferedImage decode() {
      byte[] data = TfRecordFile.readAt(where.file(), where.offset(), where.index());
      ByteString encoded =
          encodedImage(parse(where, data).getFeatures().getFeatureMap(), key, where);
      try {
        // ImageIO.read closes the stream it is given.
        ImageInputStream in = new MemoryCacheImageInputStream(encoded.newInput());
        BufferedImage image = ImageIO.read(in);
        if (image == null) {
          throw where.problem(
              "feature " + key + " is not an image Java can decode (PNG, JPEG, BMP, GIF)");
        }
        return image;
      } catch (IOException e) {
        throw where.problem("feature " + key + " cannot be decoded: " + e.getMessage());
      }
    }

    @Override
    public DataFormatException problem(String what) {
      return where.problem(what);
    }

    @Override
    public String location() {
      return where.file().toAbsolutePath() + "@" + where.offset() + "#" + key;
    }
  }

  /** A record's place, for errors: the file, its number and its byte offset. */
  private record Record(Path file, int index, long offset) {
    DataFormatException problem(String what) {
      return new DataFormatException(file, offset, "record " + index + " " + what);
    }
  }
}
