package io.gaborflow.core.annotation;

/** How learnable weights start; biases always start at zero. */
public enum Initializer {
  /** Uniform in ±sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010; Keras' default). */
  GLOROT_UNIFORM,
  /** Normal with standard deviation sqrt(2 / fanIn) (He et al. 2015), suited to ReLU. */
  HE_NORMAL,
  /** Uniform in ±sqrt(6 / fanIn) (He et al. 2015). */
  HE_UNIFORM
}
