package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.Seeds;
import io.gaborflow.core.model.DropoutLayerSpec;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Inverted dropout in the training pass: each activation is kept with probability {@code 1 - rate}
 * and scaled by {@code 1 / (1 - rate)}; the identity in the inference pass. The mask is drawn
 * statelessly from the seed, the layer and the fed global step, so a resumed run draws the same
 * masks as an uninterrupted one.
 */
final class DropoutLowering {
  private DropoutLowering() {}

  static Branches lower(LoweringContext context, DropoutLayerSpec dropout, Branches input) {
    if (dropout.rate() == 0 || !context.training()) {
      return input;
    }
    Ops tf = context.tf();
    float keep = 1f - (float) dropout.rate();
    Operand<TInt64> streamSeed =
        tf.concat(
            List.of(
                tf.constant(new long[] {Seeds.dropout(context.seed(), context.number())}),
                tf.reshape(context.step(), tf.constant(new long[] {1}))),
            tf.constant(0));
    Branch joined = input.joined(tf);
    Operand<TFloat32> in = joined.value();
    Operand<TFloat32> noise =
        tf.random.statelessRandomUniform(tf.shape(in), streamSeed, TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(tf.constant(keep), noise));
    return Branches.of(
        tf.math.div(tf.math.mul(in, mask), tf.constant(keep)), joined.channels(), joined.trained());
  }
}
