package io.gaborflow.core;

/**
 * The type of a field that declares a layer other than a convolution bank (pooling, dense, dropout,
 * flatten, global average pooling) in an {@link io.gaborflow.core.annotation.Network} class. The
 * field is a declaration only: gaborflow never assigns it.
 */
public interface Layer {}
