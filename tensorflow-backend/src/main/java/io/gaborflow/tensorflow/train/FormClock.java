package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.LayerForm;

/**
 * Times one training step of a candidate graph while {@link LayerFormTuning} chooses a layer's
 * form. The standard clock traces the step in TensorFlow; tests give clocks whose readings carry
 * the noise of a busy machine.
 */
@FunctionalInterface
interface FormClock {
  /**
   * One step of {@code candidate} on {@code batch}: the graph with the layer being decided in
   * {@code form}, or with {@code form} {@link LayerForm#AUTO} the build's own graph in its chosen
   * forms.
   */
  StepTiming time(LayerForm form, ModelSession candidate, Batch batch);

  /** The op times TensorFlow traces for the step. */
  static FormClock traced() {
    return (form, candidate, batch) -> StepTiming.of(candidate.traceStep(1, batch));
  }
}
