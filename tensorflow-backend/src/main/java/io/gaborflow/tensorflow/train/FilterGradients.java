package io.gaborflow.tensorflow.train;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Which kernels a traced step computed a filter gradient for: the proof that fixed banks get none.
 */
public final class FilterGradients {
  private static final Set<String> FILTER_GRADIENTS =
      Set.of("Conv2DBackpropFilter", "DepthwiseConv2dNativeBackpropFilter");
  // Ops between a kernel and the convolution that reads it: the stop-gradient of a fixed bank,
  // the slice of a kernel split over input parts, a variable's read.
  private static final Set<String> PASS_THROUGH = Set.of("Slice", "StopGradient", "Identity");

  private FilterGradients() {}

  /**
   * The kernels whose filter gradient the step of {@code metadata} computed, by the name of the
   * variable (or, for a fixed bank, the constant) they are read from; a kernel split over several
   * input parts counts once.
   */
  static Set<String> kernels(Graph graph, RunMetadata metadata) {
    Set<String> kernels = new TreeSet<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats stats : device.getNodeStatsList()) {
        GraphOperation op = graph.operation(stats.getNodeName());
        if (op != null) {
          kernelOf(op).ifPresent(kernel -> kernels.add(kernel.name()));
        }
      }
    }
    return kernels;
  }

  /**
   * The kernel (variable or constant) {@code op} computes the filter gradient of, or empty when
   * {@code op} is not a filter gradient. Its second input is the shape of that kernel.
   */
  public static Optional<GraphOperation> kernelOf(GraphOperation op) {
    if (!FILTER_GRADIENTS.contains(op.type())) {
      return Optional.empty();
    }
    return Optional.of(readFrom((GraphOperation) op.input(1).op()));
  }

  private static GraphOperation readFrom(GraphOperation shapeSource) {
    GraphOperation op = shapeSource;
    if (op.type().equals("Shape")) {
      op = (GraphOperation) op.input(0).op();
    }
    while (PASS_THROUGH.contains(op.type())) {
      op = (GraphOperation) op.input(0).op();
    }
    return op;
  }
}
