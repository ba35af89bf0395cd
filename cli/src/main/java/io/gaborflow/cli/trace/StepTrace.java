package io.gaborflow.cli.trace;

import io.gaborflow.core.model.Scopes;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.train.FilterGradients;
import io.gaborflow.tensorflow.train.ModelSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * What one traced training step ran: every executed node with its op type, wall time, the layer it
 * belongs to and whether it is part of the forward pass, the backward pass or the update.
 */
public final class StepTrace {
  /** One executed node; {@code layer} is "layer3", "optimizer" or "other". */
  public record Node(String name, String type, long micros, String layer, Pass pass) {}

  /** The part of a training step a node belongs to. */
  public enum Pass {
    /** Computing the loss. */
    FORWARD,
    /** Computing gradients. */
    BACKWARD,
    /** Applying the optimizer. */
    UPDATE
  }

  /** Network layers in order, then "optimizer" and "other". */
  public static final Comparator<String> LAYER_ORDER =
      Comparator.comparingLong(StepTrace::layerRank).thenComparing(Comparator.naturalOrder());

  /** One training step of {@code epoch} on {@code batch} in {@code session}, traced. */
  public static StepTrace of(ModelSession session, int epoch, Batch batch) {
    return new StepTrace(session.graph(), session.traceStep(epoch, batch));
  }

  private final List<Node> nodes;

  /** Per op type, the wall time during which at least one op of the type ran. */
  private final Map<String, Long> spanByType;

  StepTrace(Graph graph, RunMetadata metadata) {
    List<Node> executed = new ArrayList<>();
    Map<String, List<long[]>> intervals = new TreeMap<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats stats : device.getNodeStatsList()) {
        GraphOperation op = graph.operation(stats.getNodeName());
        if (op == null) {
          continue; // the executor's own _SOURCE, _Arg and _Retval nodes
        }
        executed.add(
            new Node(
                op.name(), op.type(), stats.getAllEndRelMicros(), layerOf(op), passOf(op.name())));
        intervals
            .computeIfAbsent(op.type(), t -> new ArrayList<>())
            .add(
                new long[] {
                  stats.getAllStartMicros(), stats.getAllStartMicros() + stats.getAllEndRelMicros()
                });
      }
    }
    this.nodes = List.copyOf(executed);
    Map<String, Long> spans = new TreeMap<>();
    intervals.forEach((type, list) -> spans.put(type, union(list)));
    this.spanByType = spans;
  }

  private StepTrace(List<Node> nodes, Map<String, Long> spanByType) {
    this.nodes = List.copyOf(nodes);
    this.spanByType = spanByType;
  }

  /** The length of the union of {@code intervals} (start, end). */
  private static long union(List<long[]> intervals) {
    intervals.sort(Comparator.comparingLong(i -> i[0]));
    long total = 0;
    long start = Long.MIN_VALUE;
    long end = Long.MIN_VALUE;
    for (long[] i : intervals) {
      if (i[0] > end) {
        total += end - start;
        start = i[0];
        end = i[1];
      } else {
        end = Math.max(end, i[1]);
      }
    }
    return total + end - start;
  }

  /**
   * The wall time, in microseconds, during which at least one op of {@code type} ran (0 when none
   * did): ops of one type that overlap count once, unlike in {@link #microsByType()}. For
   * collectives, this is the share of a step the all-reduce takes, waiting for peers included.
   */
  public long spanMicros(String type) {
    return spanByType.getOrDefault(type, 0L);
  }

  /**
   * One trace with each node's shortest time over {@code traces} of the same step. On a shared
   * machine a single trace catches stalls that have nothing to do with the op; the fastest of a few
   * runs of a node is what the op costs.
   */
  public static StepTrace fastestOf(List<StepTrace> traces) {
    Map<String, Node> fastest = new LinkedHashMap<>();
    for (StepTrace trace : traces) {
      for (Node n : trace.nodes) {
        fastest.merge(n.name(), n, (a, b) -> a.micros() <= b.micros() ? a : b);
      }
    }
    Map<String, Long> spans = new TreeMap<>();
    for (StepTrace trace : traces) {
      trace.spanByType.forEach((type, span) -> spans.merge(type, span, Math::min));
    }
    return new StepTrace(new ArrayList<>(fastest.values()), spans);
  }

  /** Every op that ran, with its time. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Total microseconds per op type. */
  public Map<String, Long> microsByType() {
    Map<String, Long> byType = new TreeMap<>();
    for (Node n : nodes) {
      byType.merge(n.type(), n.micros(), Long::sum);
    }
    return byType;
  }

  /** Total microseconds per layer and pass, layers in network order. */
  public Map<String, Map<Pass, Long>> microsByLayer() {
    Map<String, Map<Pass, Long>> byLayer = new TreeMap<>(LAYER_ORDER);
    for (Node n : nodes) {
      byLayer
          .computeIfAbsent(n.layer(), l -> new TreeMap<>())
          .merge(n.pass(), n.micros(), Long::sum);
    }
    return byLayer;
  }

  private static long layerRank(String layer) {
    OptionalInt index = Scopes.topLayerIndex(layer);
    return index.isPresent() ? index.getAsInt() : Long.MAX_VALUE;
  }

  private static Pass passOf(String name) {
    if (name.startsWith("gradients")) {
      return Pass.BACKWARD;
    }
    return name.startsWith("optimizer") ? Pass.UPDATE : Pass.FORWARD;
  }

  /**
   * Forward ops and variables carry their layer in their name. TensorFlow names gradient ops
   * gradients/Conv2DBackpropInput_3 and so on: a filter gradient belongs to the layer of its
   * kernel, any other gradient op to the deepest layer among the forward ops it reads.
   */
  private static String layerOf(GraphOperation op) {
    String own = layerName(op.name());
    if (own != null) {
      return own;
    }
    if (op.name().startsWith("optimizer")) {
      return "optimizer";
    }
    Optional<String> kernelLayer =
        FilterGradients.kernelOf(op).map(kernel -> layerName(kernel.name()));
    if (kernelLayer.isPresent()) {
      return kernelLayer.get();
    }
    String deepest = null;
    for (int i = 0; i < op.numInputs(); i++) {
      String input = layerName(op.input(i).op().name());
      if (input != null && (deepest == null || layerRank(input) > layerRank(deepest))) {
        deepest = input;
      }
    }
    return deepest == null ? "other" : deepest;
  }

  private static String layerName(String opName) {
    // Forward ops are named layer3/conv2/..., variables layer3.conv2.kernel.
    OptionalInt index = Scopes.topLayerIndex(opName.replace('.', '/'));
    return index.isPresent() && opName.length() > Scopes.layer("", index.getAsInt()).length()
        ? Scopes.layer("", index.getAsInt())
        : null;
  }
}
