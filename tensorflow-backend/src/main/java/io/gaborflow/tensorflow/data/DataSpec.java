package io.gaborflow.tensorflow.data;

import java.nio.file.Path;

/**
 * Where a run's data comes from: a source name and, after a colon, its argument ({@code
 * idx:/data/mnist}, {@code fashion-mnist}), plus how to prepare what the source loads. Made with
 * {@link #parse} or {@link #builder}, where each default is set; each {@code with}-style method
 * returns a changed copy.
 *
 * @param resize the size to read images at (sources of image files only), or {@code null}
 * @param limitTrain keep a class-balanced subset of this many training images (0: all)
 * @param limitTest the same for the test images
 * @param standardize subtract each channel's training-set mean and divide by its deviation
 * @param standardizationSample how many training images, chosen with {@code subsetSeed}, the means
 *     and deviations come from (0: all); {@link #DEFAULT_STANDARDIZATION_SAMPLE} unless set
 * @param subsetSeed seeds the choice of the subsets
 * @param skipBadFiles leave out image files and records that cannot be decoded, with a warning for
 *     each and a count, instead of stopping at the first (sources of image files only)
 * @param modelInput the input size of the model the data is for, or {@code null}; without {@code
 *     resize}, a source of image files then refuses images of another size after decoding the first
 *     one, not after decoding them all
 * @param cacheBytes how many bytes of decoded images from image files to keep in memory, so later
 *     epochs need not decode them again (0: none, the default; memory then does not grow with the
 *     data set)
 * @param cacheDirectory where to keep decoded images from image files in a file per split, for
 *     later epochs and later runs with the same files and size, or {@code null} for none
 * @param validation training images held out as a class-balanced validation split (0: none), taken
 *     after the training limit and before standardisation, whose statistics they are not part of
 * @param validationSeed chooses the validation images
 */
public record DataSpec(
    String source,
    String argument,
    ImageSize resize,
    int limitTrain,
    int limitTest,
    boolean standardize,
    int standardizationSample,
    long subsetSeed,
    boolean skipBadFiles,
    ImageSize modelInput,
    long cacheBytes,
    Path cacheDirectory,
    int validation,
    long validationSeed) {

  /**
   * The default of {@link #standardizationSample()}: over 10,000 images drawn at random, the
   * standard error of a channel's mean is at most a hundredth of the channel's deviation, even if
   * every pixel of an image were the same.
   */
  public static final int DEFAULT_STANDARDIZATION_SAMPLE = 10_000;

  /** Checks the limits and the sample are not negative. */
  public DataSpec {
    if (limitTrain < 0 || limitTest < 0) {
      throw new IllegalArgumentException(
          "DataSpec.limited takes limits of 0 (no limit) or more, got "
              + limitTrain
              + " and "
              + limitTest);
    }
    if (cacheBytes < 0) {
      throw new IllegalArgumentException(
          "the cache budget must be 0 (no cache) or more bytes, got " + cacheBytes);
    }
    if (validation < 0) {
      throw new IllegalArgumentException(
          "DataSpec.validation takes 0 (no validation split) or more training images, got "
              + validation);
    }
    if (standardizationSample < 0) {
      throw new IllegalArgumentException(
          "DataSpec.standardizedFrom takes 0 (every training image) or more, got "
              + standardizationSample);
    }
  }

  /** A spec from its text: {@code fashion-mnist}, {@code idx:DIR}, {@code folder:DIR}, ... */
  public static DataSpec parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? builder(text, "").build()
        : builder(text.substring(0, colon), text.substring(colon + 1)).build();
  }

  /**
   * A builder of a spec of {@code source} with {@code argument} ("" for none), the rest at its
   * defaults.
   */
  public static Builder builder(String source, String argument) {
    return new Builder(source, argument);
  }

  /** A builder that starts from this spec. */
  public Builder toBuilder() {
    Builder b = new Builder(source, argument);
    b.resize = resize;
    b.limitTrain = limitTrain;
    b.limitTest = limitTest;
    b.standardize = standardize;
    b.standardizationSample = standardizationSample;
    b.subsetSeed = subsetSeed;
    b.skipBadFiles = skipBadFiles;
    b.modelInput = modelInput;
    b.cacheBytes = cacheBytes;
    b.cacheDirectory = cacheDirectory;
    b.validation = validation;
    b.validationSeed = validationSeed;
    return b;
  }

  /** This spec with image files resized to {@code size}. */
  public DataSpec resizedTo(ImageSize size) {
    return toBuilder().resizedTo(size).build();
  }

  /**
   * This spec limited to seeded class-balanced subsets of {@code train} and {@code test} images (0:
   * all).
   */
  public DataSpec limited(int train, int test, long seed) {
    return toBuilder().limited(train, test, seed).build();
  }

  /** This spec with each channel standardised by the training set's statistics, or not. */
  public DataSpec standardized(boolean on) {
    return toBuilder().standardized(on).build();
  }

  /**
   * This spec leaving out images that cannot be decoded (with a warning naming each), or stopping
   * at the first.
   */
  public DataSpec skippingBadFiles(boolean on) {
    return toBuilder().skippingBadFiles(on).build();
  }

  /** This spec computing the standardisation from {@code sample} training images (0: all). */
  public DataSpec standardizedFrom(int sample) {
    return toBuilder().standardizedFrom(sample).build();
  }

  /** This spec for a model that takes images of {@code input}. */
  public DataSpec forModelInput(ImageSize input) {
    return toBuilder().forModelInput(input).build();
  }

  /** This spec keeping up to {@code bytes} of decoded images in memory (0: none). */
  public DataSpec cachedInMemory(long bytes) {
    return toBuilder().cachedInMemory(bytes).build();
  }

  /** This spec keeping decoded images in a file per split in {@code directory} (null: none). */
  public DataSpec cachedOnDisk(Path directory) {
    return toBuilder().cachedOnDisk(directory).build();
  }

  /**
   * This spec holding out {@code count} training images (0: none), class-balanced and chosen with
   * {@code seed}, as the validation split.
   */
  public DataSpec withValidation(int count, long seed) {
    return toBuilder().validation(count, seed).build();
  }

  /** Builds a {@link DataSpec}; its fields hold the defaults. */
  public static final class Builder {
    private final String source;
    private final String argument;
    private ImageSize resize;
    private int limitTrain;
    private int limitTest;
    private boolean standardize;
    private int standardizationSample = DEFAULT_STANDARDIZATION_SAMPLE;
    private long subsetSeed = 1;
    private boolean skipBadFiles;
    private ImageSize modelInput;
    private long cacheBytes;
    private Path cacheDirectory;
    private int validation;
    private long validationSeed = 1;

    private Builder(String source, String argument) {
      this.source = source;
      this.argument = argument;
    }

    /** Image files read at {@code size} (null: at their own size). */
    public Builder resizedTo(ImageSize size) {
      this.resize = size;
      return this;
    }

    /** Seeded class-balanced subsets of {@code train} and {@code test} images (0: all). */
    public Builder limited(int train, int test, long seed) {
      this.limitTrain = train;
      this.limitTest = test;
      this.subsetSeed = seed;
      return this;
    }

    /** Each channel standardised by the training set's statistics, or not. */
    public Builder standardized(boolean on) {
      this.standardize = on;
      return this;
    }

    /** The standardisation computed from {@code sample} training images (0: all). */
    public Builder standardizedFrom(int sample) {
      this.standardizationSample = sample;
      return this;
    }

    /**
     * Images that cannot be decoded left out (with a warning naming each), or the first one
     * stopping the run.
     */
    public Builder skippingBadFiles(boolean on) {
      this.skipBadFiles = on;
      return this;
    }

    /** For a model that takes images of {@code input} (null: unknown). */
    public Builder forModelInput(ImageSize input) {
      this.modelInput = input;
      return this;
    }

    /** Up to {@code bytes} of decoded images kept in memory (0: none). */
    public Builder cachedInMemory(long bytes) {
      this.cacheBytes = bytes;
      return this;
    }

    /** Decoded images kept in a file per split in {@code directory} (null: none). */
    public Builder cachedOnDisk(Path directory) {
      this.cacheDirectory = directory;
      return this;
    }

    /**
     * {@code count} training images (0: none) held out as the validation split, the same number
     * from each class as far as the classes allow, chosen with {@code seed}; after any limit.
     */
    public Builder validation(int count, long seed) {
      this.validation = count;
      this.validationSeed = seed;
      return this;
    }

    /** The spec, checked. */
    public DataSpec build() {
      return new DataSpec(
          source,
          argument,
          resize,
          limitTrain,
          limitTest,
          standardize,
          standardizationSample,
          subsetSeed,
          skipBadFiles,
          modelInput,
          cacheBytes,
          cacheDirectory,
          validation,
          validationSeed);
    }
  }

  @Override
  public String toString() {
    return argument.isEmpty() ? source : source + ":" + argument;
  }
}
