package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.ParameterCount;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A network lowered to ops.
 *
 * @param spec the description it was lowered from
 * @param images NHWC float input
 * @param step the global training step, which seeds dropout masks
 * @param trainingLogits class scores of the training pass (dropout on, batch statistics)
 * @param logits class scores of the inference pass (dropout off, moving statistics)
 * @param learnables every trained tensor, in layer order
 * @param moving batch normalisation's moving statistics
 * @param statisticUpdates the ops that move them, run with every training step
 * @param fixedBanks every fixed bank, in layer order
 * @param convBanks every convolution bank, in layer and declaration order
 * @param responses every convolution bank's inputs and output in the inference pass, in the same
 *     order
 * @param formSites every convolution layer that can take either {@link LayerForm}, in layer order
 * @param kernelGradients the learned kernels whose gradient the trainer computes from their layer's
 *     output gradient, not {@code Graph.addGradients} from the loss
 */
public record BuiltNetwork(
    NetworkSpec spec,
    Placeholder<TFloat32> images,
    PlaceholderWithDefault<TInt64> step,
    Operand<TFloat32> trainingLogits,
    Operand<TFloat32> logits,
    List<LearnableVariable> learnables,
    List<MovingStatistic> moving,
    List<Op> statisticUpdates,
    List<FixedBank> fixedBanks,
    List<ConvBank> convBanks,
    List<BankResponse> responses,
    List<FormSite> formSites,
    List<KernelGradientSite> kernelGradients) {

  /** Weights, biases, scales and offsets trained every epoch. */
  public long learnableParameters() {
    return ParameterCount.of(spec).learnable();
  }

  /** Weights of the fixed banks (partially trained ones included), as ordinary kernels. */
  public long fixedParameters() {
    return ParameterCount.of(spec).fixed();
  }
}
