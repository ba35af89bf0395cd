package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.model.PoolLayerSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Max and average pooling, per branch. */
final class PoolLowering {
  private PoolLowering() {}

  static Branches lower(LoweringContext context, PoolLayerSpec pool, Branches input) {
    Ops tf = context.tf();
    if (pool.kind() == PoolLayerSpec.Kind.MAX) {
      return input.map(x -> maxPool(tf, x, pool.size(), pool.stride(), pool.padding()));
    }
    return input.map(
        x ->
            tf.nn.avgPool(
                x,
                List.of(1L, (long) pool.size(), (long) pool.size(), 1L),
                List.of(1L, (long) pool.stride(), (long) pool.stride(), 1L),
                pool.padding().name()));
  }

  /**
   * Max pooling as the {@code MaxPool} op, window and strides as attributes. TensorFlow Java's
   * {@code tf.nn.maxPool} builds {@code MaxPoolV2} (window and strides as tensors), which the
   * oneDNN rewrite leaves on TensorFlow's generic kernels.
   */
  private static Operand<TFloat32> maxPool(
      Ops tf, Operand<TFloat32> x, int size, int stride, Padding padding) {
    return tf.scope()
        .opBuilder("MaxPool", "MaxPool")
        .addInput(x.asOutput())
        .setAttr("ksize", new long[] {1, size, size, 1})
        .setAttr("strides", new long[] {1, stride, stride, 1})
        .setAttr("padding", padding.name())
        .build()
        .output(0);
  }
}
