package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.graph.LoweringOptions;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The forms a session's convolution layers were built in, and for {@link LayerForm#AUTO} how each
 * was chosen.
 *
 * @param options what the network was lowered with
 * @param choices one per layer that could take either form, in layer order; empty unless the config
 *     asked for {@link LayerForm#AUTO} outside deterministic mode
 */
public record LayerForms(LoweringOptions options, List<Choice> choices) {
  /** Copies the choices. */
  public LayerForms {
    choices = List.copyOf(choices);
  }

  /**
   * One layer's form.
   *
   * @param layer the layer's scope
   * @param shape its {@link io.gaborflow.tensorflow.graph.FormSite#shape()}
   * @param micros the median measured step cost (summed op times) with this layer's shape in each
   *     form of {@link LayerForm#MEASURED}; empty when the form came from the {@link
   *     LayerFormCache}
   * @param origin how the form was chosen
   */
  public record Choice(
      String layer, String shape, LayerForm form, Map<LayerForm, Long> micros, Origin origin) {
    /** Copies the costs, in the order of {@link LayerForm#MEASURED}. */
    public Choice {
      EnumMap<LayerForm, Long> ordered = new EnumMap<>(LayerForm.class);
      ordered.putAll(micros);
      micros = Collections.unmodifiableMap(ordered);
    }

    /** Whether the form came from the {@link LayerFormCache} instead of a measurement. */
    public boolean cached() {
      return origin == Origin.CACHED;
    }
  }

  /** How a layer's form was chosen. */
  public enum Origin {
    /** Timed in this build, by a margin the readings' spread cannot reverse; now cached. */
    MEASURED,
    /** Read from the {@link LayerFormCache}. */
    CACHED,
    /**
     * Timed in this build, but the forms' margins lay within the readings' spread (a busy machine,
     * or forms that cost the same): built per bank and not cached, so the next build times again.
     */
    WITHIN_NOISE
  }

  /** Every layer in {@code form}, chosen by the config, not measured. */
  static LayerForms given(boolean deterministic, LayerForm form) {
    return new LayerForms(new LoweringOptions(deterministic, form), List.of());
  }
}
