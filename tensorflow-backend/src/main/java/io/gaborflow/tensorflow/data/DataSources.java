package io.gaborflow.tensorflow.data;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every registered {@link DataSource}, by name. */
public final class DataSources {
  private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

  private final Map<String, DataSource> sources;

  /** The registered {@code sources} by name. */
  @Inject
  public DataSources(Map<String, DataSource> sources) {
    this.sources = new TreeMap<>(sources);
  }

  /** The data set {@code spec} names, limited and standardised as it says. */
  public Dataset load(DataSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException(
          "no data was given: pass a DataSpec, such as DataSpec.parse(\"fashion-mnist\")"
              + " or DataSpec.parse(\"folder:/path/to/images\"), where the trainer or component asks for one; sources: "
              + usages());
    }
    DataSource source = sources.get(spec.source());
    if (source == null) {
      throw new IllegalArgumentException(
          "unknown data source '" + spec.source() + "'; use one of: " + usages());
    }
    Dataset data = source.load(spec);
    warnIfLarger(
        "DataSpec.limited training limit",
        spec.limitTrain(),
        data.train().size(),
        "training",
        data.name());
    warnIfLarger(
        "DataSpec.limited test limit", spec.limitTest(), data.test().size(), "test", data.name());
    if (spec.limitTrain() > 0 || spec.limitTest() > 0) {
      data = data.balancedSubset(spec.limitTrain(), spec.limitTest(), spec.subsetSeed());
    }
    if (spec.validation() > 0) {
      data = data.withValidation(spec.validation(), spec.validationSeed());
    }
    return spec.standardize()
        ? data.standardized(spec.standardizationSample(), spec.subsetSeed())
        : data;
  }

  /** A limit above the split's size selects all of it; say so, once per load. */
  private static void warnIfLarger(String setting, int limit, int size, String split, String name) {
    if (limit > size) {
      LOG.warn(
          "{} {} is more than the {} {} images of {}; all of them are used",
          setting,
          limit,
          size,
          split,
          name);
    }
  }

  /** The usage of every source, for help texts. */
  public String usages() {
    return sources.values().stream().map(DataSource::usage).collect(Collectors.joining(", "));
  }
}
