package io.gaborflow.cli.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** perf --trace's attribution: each executed op to its layer and pass, each op at its fastest. */
class StepTraceTest {
  private static final int BATCH = 8;

  @Test
  void opsAreChargedToTheirLayerAndPass() {
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(BATCH).threads(1).build();
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      session.initialize(1);
      float[] images = new float[BATCH * 144];
      int[] labels = new int[BATCH];
      StepTrace first =
          StepTrace.of(session, 1, Batch.of(images, labels, BATCH, images.length / labels.length));
      StepTrace second =
          StepTrace.of(session, 1, Batch.of(images, labels, BATCH, images.length / labels.length));

      // SmallGaborNet: conv, pool, conv, flatten, dropout, dense: layers 1-6.
      List<String> layers = List.copyOf(first.microsByLayer().keySet());
      assertEquals(
          List.of("layer1", "layer2", "layer3", "layer4", "layer5", "layer6", "optimizer"),
          layers.subList(0, 7),
          "in network order: " + layers);
      assertTrue(
          layers.size() == 7
              || layers.equals(
                  List.of(
                      "layer1",
                      "layer2",
                      "layer3",
                      "layer4",
                      "layer5",
                      "layer6",
                      "optimizer",
                      "other")),
          layers.toString());
      for (StepTrace.Node n : first.nodes()) {
        if (n.type().equals("Conv2DBackpropFilter")) {
          assertEquals(StepTrace.Pass.BACKWARD, n.pass(), n.name());
          assertTrue(
              Set.of("layer1", "layer3").contains(n.layer()),
              n + " is not charged to a conv layer");
        }
        if (n.type().equals("ApplyAdam")) {
          assertEquals(StepTrace.Pass.UPDATE, n.pass(), n.name());
          assertEquals("optimizer", n.layer(), n.name());
        }
        if (n.name().startsWith("layer3/")) {
          assertEquals("layer3", n.layer(), n.name());
          assertEquals(StepTrace.Pass.FORWARD, n.pass(), n.name());
        }
      }
      // Both conv layers have a learnable bank, so both have backward time.
      assertTrue(first.microsByLayer().get("layer1").containsKey(StepTrace.Pass.BACKWARD));
      assertTrue(first.microsByLayer().get("layer3").containsKey(StepTrace.Pass.BACKWARD));

      Map<String, Long> expected = new HashMap<>();
      for (StepTrace trace : List.of(first, second)) {
        for (StepTrace.Node n : trace.nodes()) {
          expected.merge(n.name(), n.micros(), Math::min);
        }
      }
      Map<String, Long> fastest =
          StepTrace.fastestOf(List.of(first, second)).nodes().stream()
              .collect(Collectors.toMap(StepTrace.Node::name, StepTrace.Node::micros));
      assertEquals(expected, fastest);
    }
  }
}
