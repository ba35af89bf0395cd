package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.graph.LoweringOptions;
import java.util.List;

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
   * @param cached whether the form came from the {@link LayerFormCache} instead of a measurement
   * @param perBankMicros the measured step cost with this layer's shape per bank (summed op times),
   *     or -1 when cached
   * @param wholeLayerMicros the same with it as one convolution, or -1 when cached
   */
  public record Choice(
      String layer,
      String shape,
      LayerForm form,
      boolean cached,
      long perBankMicros,
      long wholeLayerMicros) {}

  /** Every layer in {@code form}, chosen by the config, not measured. */
  static LayerForms given(boolean deterministic, LayerForm form) {
    return new LayerForms(new LoweringOptions(deterministic, form), List.of());
  }
}
