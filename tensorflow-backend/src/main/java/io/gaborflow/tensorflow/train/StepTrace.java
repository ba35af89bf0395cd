package io.gaborflow.tensorflow.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** What one traced training step ran: every executed node with its op type and wall time. */
public final class StepTrace {
  /** One executed node. */
  public record Node(String name, String type, long micros) {}

  private static final Set<String> FILTER_GRADIENTS =
      Set.of("Conv2DBackpropFilter", "DepthwiseConv2dNativeBackpropFilter");
  // Ops between a kernel and the convolution that reads it: the stop-gradient of a fixed bank,
  // the slice of a kernel split over input parts, a variable's read.
  private static final Set<String> PASS_THROUGH = Set.of("Slice", "StopGradient", "Identity");

  private final List<Node> nodes = new ArrayList<>();
  private final Set<String> filterGradientKernels = new TreeSet<>();

  StepTrace(Graph graph, RunMetadata metadata) {
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats stats : device.getNodeStatsList()) {
        GraphOperation op = graph.operation(stats.getNodeName());
        if (op != null) {
          nodes.add(new Node(stats.getNodeName(), op.type(), stats.getAllEndRelMicros()));
          if (FILTER_GRADIENTS.contains(op.type())) {
            filterGradientKernels.add(kernelOf(op));
          }
        }
      }
    }
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /**
   * The kernels whose filter gradient this step computed, by the name of the variable (or, for a
   * fixed bank, the constant) they are read from; a kernel split over several input parts counts
   * once.
   */
  public Set<String> filterGradientKernels() {
    return Set.copyOf(filterGradientKernels);
  }

  /** A filter gradient's second input is the shape of the kernel it differentiates. */
  private static String kernelOf(GraphOperation filterGradient) {
    GraphOperation op = (GraphOperation) filterGradient.input(1).op();
    if (op.type().equals("Shape")) {
      op = (GraphOperation) op.input(0).op();
    }
    while (PASS_THROUGH.contains(op.type())) {
      op = (GraphOperation) op.input(0).op();
    }
    return op.name();
  }

  /** Total microseconds per op type, largest first. */
  public Map<String, Long> microsByType() {
    Map<String, Long> byType = new TreeMap<>();
    for (Node n : nodes) {
      byType.merge(n.type(), n.micros(), Long::sum);
    }
    return byType;
  }
}
