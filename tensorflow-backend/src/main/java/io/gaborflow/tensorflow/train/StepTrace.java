package io.gaborflow.tensorflow.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/** What one traced training step ran: every executed node with its op type and wall time. */
public final class StepTrace {
  /** One executed node. */
  public record Node(String name, String type, long micros) {}

  private final List<Node> nodes = new ArrayList<>();

  StepTrace(Graph graph, RunMetadata metadata) {
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats stats : device.getNodeStatsList()) {
        GraphOperation op = graph.operation(stats.getNodeName());
        if (op != null) {
          nodes.add(new Node(stats.getNodeName(), op.type(), stats.getAllEndRelMicros()));
        }
      }
    }
  }

  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The executed nodes that compute a convolution's filter gradient (ordinary or depthwise). */
  public List<String> filterGradientNodes() {
    return nodes.stream()
        .filter(n -> n.type().equals("Conv2DBackpropFilter") || n.type().equals("DepthwiseConv2dNativeBackpropFilter"))
        .map(Node::name)
        .toList();
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
