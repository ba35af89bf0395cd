package io.gaborflow.cli;

import io.gaborflow.core.model.BankNoise;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of {@code perf --models}: {@code MODEL[+vone][:FORM][@PRECISION]}, a catalogue model
 * timed with its own layer form or precision, so that forms and precisions compare in one
 * invocation; {@code +vone} gives its Gabor banks VOneNet's complex cells and noise as {@code bench
 * --vone} does.
 *
 * @param label the entry as given, the name in every table
 * @param model the catalogue name
 * @param v1Stages whether the Gabor banks carry complex cells and {@link #V1_NOISE}
 * @param form the layer form, where given; otherwise the run's
 * @param precision the precision, where given; otherwise the run's
 */
record PerfModel(
    String label,
    String model,
    boolean v1Stages,
    Optional<LayerForm> form,
    Optional<Precision> precision) {

  /** The noise of {@code +vone}: bench's default for {@code --vone}. */
  static final BankNoise V1_NOISE =
      NoiseOption.parse(
          "--vone-noise", System.getProperty("vone.noise", BenchCommand.DEFAULT_VONE_NOISE));

  private static final String V1_SUFFIX = "+vone";

  static PerfModel parse(String entry) {
    String rest = entry;
    Optional<Precision> precision = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      precision = Optional.of(constant(Precision.class, rest.substring(at + 1), "precision"));
      rest = rest.substring(0, at);
    }
    Optional<LayerForm> form = Optional.empty();
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      form = Optional.of(constant(LayerForm.class, rest.substring(colon + 1), "layer form"));
      rest = rest.substring(0, colon);
    }
    boolean v1Stages = rest.endsWith(V1_SUFFIX);
    if (v1Stages) {
      rest = rest.substring(0, rest.length() - V1_SUFFIX.length());
    }
    return new PerfModel(entry, rest, v1Stages, form, precision);
  }

  /** The model's graph, with VOneNet's stages where asked. */
  ModelGraph graph() {
    ModelGraph graph = ModelCatalog.graph(model);
    return v1Stages ? ModelGraph.of(NetworkVariants.withV1Stages(graph.spec(), V1_NOISE)) : graph;
  }

  /** The run's configuration with this entry's form and precision. */
  TrainingConfig config(TrainingConfig run) {
    TrainingConfig.Builder builder = run.toBuilder();
    form.ifPresent(builder::layerForm);
    precision.ifPresent(builder::precision);
    return builder.build();
  }

  /** The peers' model: the family, as gabor-resnet20:auto@bf16 is resnet20. */
  String family() {
    return model.startsWith("gabor-") ? model.substring("gabor-".length()) : model;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name, String what) {
    try {
      return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--models: no "
              + what
              + " '"
              + name
              + "'; use one of "
              + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }
}
