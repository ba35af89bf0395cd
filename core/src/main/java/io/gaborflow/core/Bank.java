package io.gaborflow.core;

/**
 * The type of a field that declares a convolution filter bank in an {@link
 * io.gaborflow.core.annotation.Network} class. The field is a declaration only: gaborflow reads its
 * annotations at compile time and never assigns it.
 */
public interface Bank {}
