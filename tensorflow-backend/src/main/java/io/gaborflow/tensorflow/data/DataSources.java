package io.gaborflow.tensorflow.data;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.inject.Inject;

/** Every registered {@link DataSource}, by name. */
public final class DataSources {
  private final Map<String, DataSource> sources;

  @Inject
  public DataSources(Map<String, DataSource> sources) {
    this.sources = new TreeMap<>(sources);
  }

  public Dataset load(DataSpec spec) {
    DataSource source = sources.get(spec.source());
    if (source == null) {
      throw new IllegalArgumentException(
          "unknown data source '" + spec.source() + "'; use one of: " + usages());
    }
    Dataset data = source.load(spec);
    if (spec.limitTrain() > 0 || spec.limitTest() > 0) {
      data = data.balancedSubset(spec.limitTrain(), spec.limitTest(), spec.subsetSeed());
    }
    return spec.standardize() ? data.standardized() : data;
  }

  /** The usage of every source, for help texts. */
  public String usages() {
    return sources.values().stream().map(DataSource::usage).collect(Collectors.joining(", "));
  }
}
