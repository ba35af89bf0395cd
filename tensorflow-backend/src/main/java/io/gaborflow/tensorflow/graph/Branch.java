package io.gaborflow.tensorflow.graph;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Some consecutive channels of a layer's output, kept apart from the others until a layer needs
 * them all. {@code trained} says whether any trained weight lies below these channels: when none
 * does (a fixed bank over the images), TensorFlow never needs their gradient, and a layer above can
 * arrange its ops so that it is never computed.
 */
record Branch(Operand<TFloat32> value, int channels, boolean trained) {}
