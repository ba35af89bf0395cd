package io.gaborflow.tensorflow.train;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * What each op of a training step took, in microseconds, by op name.
 *
 * @param opMicros each op's time; an op that ran more than once counts its fastest run
 */
record StepTiming(Map<String, Long> opMicros) {
  /** Copies the times. */
  StepTiming {
    opMicros = Map.copyOf(opMicros);
  }

  /** The op times of a traced step. */
  static StepTiming of(RunMetadata metadata) {
    Map<String, Long> micros = new HashMap<>();
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        micros.merge(node.getNodeName(), node.getAllEndRelMicros(), Math::min);
      }
    }
    return new StepTiming(micros);
  }

  /** The step's cost: its ops' times summed. */
  long total() {
    return opMicros.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The summed time of the ops in {@code scope}: a layer's forward pass. */
  long within(String scope) {
    String prefix = scope + "/";
    return opMicros.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Each op at the shorter of its times here and in {@code other}. */
  StepTiming fastest(StepTiming other) {
    Map<String, Long> micros = new HashMap<>(opMicros);
    other.opMicros.forEach((op, time) -> micros.merge(op, time, Math::min));
    return new StepTiming(micros);
  }
}
