package io.gaborflow.core.annotation;

/** Element-wise non-linearity applied to a layer's output. */
public enum Activation {
  /** The identity: the layer's output as computed (logits, or before batch normalisation). */
  NONE,
  /** max(0, x). */
  RELU,
  /** The hyperbolic tangent. */
  TANH,
  /** 1 / (1 + e^-x). */
  SIGMOID
}
