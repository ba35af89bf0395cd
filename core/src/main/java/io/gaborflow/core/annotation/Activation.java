package io.gaborflow.core.annotation;

/** Element-wise non-linearity applied to a layer's output. */
public enum Activation {
  NONE,
  RELU,
  TANH,
  SIGMOID
}
