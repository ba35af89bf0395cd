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
   * @param micros the measured step cost (summed op times) with this layer's shape in each form of
   *     {@link LayerForm#MEASURED}; empty when the form came from the {@link LayerFormCache}
   */
  public record Choice(String layer, String shape, LayerForm form, Map<LayerForm, Long> micros) {
    /** Copies the costs, in the order of {@link LayerForm#MEASURED}. */
    public Choice {
      EnumMap<LayerForm, Long> ordered = new EnumMap<>(LayerForm.class);
      ordered.putAll(micros);
      micros = Collections.unmodifiableMap(ordered);
    }

    /** Whether the form came from the {@link LayerFormCache} instead of a measurement. */
    public boolean cached() {
      return micros.isEmpty();
    }
  }

  /** Every layer in {@code form}, chosen by the config, not measured. */
  static LayerForms given(boolean deterministic, LayerForm form) {
    return new LayerForms(new LoweringOptions(deterministic, form), List.of());
  }
}
