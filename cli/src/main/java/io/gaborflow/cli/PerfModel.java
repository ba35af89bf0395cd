package io.gaborflow.cli;

import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.runtime.Precision;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of {@code perf --models}: {@code MODEL[:FORM][@PRECISION]}, a catalogue model timed
 * with its own layer form or precision, so that forms and precisions compare in one invocation.
 *
 * @param label the entry as given, the name in every table
 * @param model the catalogue name
 * @param form the layer form, where given; otherwise the run's
 * @param precision the precision, where given; otherwise the run's
 */
record PerfModel(
    String label, String model, Optional<LayerForm> form, Optional<Precision> precision) {

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
    return new PerfModel(entry, rest, form, precision);
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
