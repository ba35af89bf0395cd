package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Padding;
import java.util.List;

/** Kernel size, stride and padding shared by all banks of one convolution layer. */
record ConvGeometry(int size, int stride, Padding padding) {
  List<Long> strides() {
    return List.of(1L, (long) stride, (long) stride, 1L);
  }

  String paddingName() {
    return padding.name();
  }
}
