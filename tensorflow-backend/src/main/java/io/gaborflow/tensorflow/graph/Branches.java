package io.gaborflow.tensorflow.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A node's output as branches, one per bank of the convolution that made it, joined only when a
 * layer needs all channels at once. Activations, pooling and batch normalisation act per channel,
 * so they run per branch: the backward pass then skips the branches no trained weight depends on,
 * and no concat gradient is sliced at full resolution (batch normalisation joins branches of
 * channel counts its kernel is slow on: {@link BatchNormLowering#joinsBranches}).
 */
record Branches(List<Branch> parts) {
  Branches {
    parts = List.copyOf(parts);
  }

  static Branches of(Operand<TFloat32> value, int channels, boolean trained) {
    return new Branches(List.of(new Branch(value, channels, trained)));
  }

  /** Whether a trained weight lies below any branch. */
  boolean trained() {
    return parts.stream().anyMatch(Branch::trained);
  }

  int channels() {
    return parts.stream().mapToInt(Branch::channels).sum();
  }

  /**
   * The channel counts, in order: two outputs with the same split can be added branch by branch.
   */
  List<Integer> split() {
    return parts.stream().map(Branch::channels).toList();
  }

  /** All channels as one tensor, concatenated once if there are several branches. */
  Branch joined(Ops tf) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    List<Operand<TFloat32>> values = parts.stream().map(Branch::value).toList();
    return new Branch(tf.withName("concat").concat(values, tf.constant(-1)), channels(), trained());
  }

  /** {@code op} applied to every branch. */
  Branches map(UnaryOperator<Operand<TFloat32>> op) {
    List<Branch> out = new ArrayList<>(parts.size());
    for (Branch branch : parts) {
      out.add(new Branch(op.apply(branch.value()), branch.channels(), branch.trained()));
    }
    return new Branches(out);
  }
}
