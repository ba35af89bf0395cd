package io.gaborflow.tensorflow.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Where a convolution bank stands in the inference pass: the tensors it reads (its input's
 * branches, in channel order) and what it computes from them before the activation. Feeding a probe
 * to the inputs and fetching the output gives the filters the bank actually applies.
 */
public record BankResponse(String path, List<Operand<TFloat32>> inputs, Operand<TFloat32> output) {
  /** Copies the inputs. */
  public BankResponse {
    inputs = List.copyOf(inputs);
  }
}
