package io.gaborflow.tensorflow.graph;

import org.tensorflow.op.Ops;

/** Layers that only reshape or reduce: flatten, and global average pooling (per branch). */
final class ShapeLowering {
  private ShapeLowering() {}

  static Branches flatten(LoweringContext context, Branches input) {
    Ops tf = context.tf();
    long n = context.inputShape().elements();
    Branch joined = input.joined(tf);
    return Branches.of(
        tf.reshape(joined.value(), tf.constant(new long[] {-1, n})),
        Math.toIntExact(n),
        joined.trained());
  }

  static Branches globalAvgPool(LoweringContext context, Branches input) {
    Ops tf = context.tf();
    return input.map(x -> tf.math.mean(x, tf.constant(new int[] {1, 2})));
  }
}
