package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.SmallResidualNet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;

/**
 * Every ReLU gradient of a training graph reads the ReLU's output, so that nothing but the ReLU
 * reads what comes before it and grappler can fuse the two (a convolution's bias, a batch
 * normalisation); the gradient is the same either way, which the training tests check.
 */
class ReluGradientsTest {
  @Test
  void everyReluGradientReadsItsRelusOutput() {
    TrainingConfig config = TrainingConfig.builder().batchSize(8).threads(1).build();
    try (ModelSession session = ModelSession.open(new SmallResidualNet(), config)) {
      List<String> readers = new ArrayList<>();
      for (Iterator<GraphOperation> it = session.graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().equals("ReluGrad")) {
          readers.add(op.input(1).op().type());
        }
      }
      assertTrue(readers.size() >= 3, "the residual net has ReLUs: " + readers);
      assertEquals(List.of("Relu"), readers.stream().distinct().toList(), readers.toString());
    }
  }
}
