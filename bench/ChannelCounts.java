// LeNet and half-Gabor LeNet at the channel counts (20/50 filters) and at multiples of 16
// (32/64), in one process, alternating rounds of 20 steps; prints median ms per training step.
// Run after a build, from the repository root:
//   TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2 java -cp \
//     "tensorflow-backend/target/classes:examples/target/classes:$(cat examples/target/classpath.txt)" \
//     bench/ChannelCounts.java
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.tensorflow.graph.BankDeclaration;
import io.gaborflow.tensorflow.graph.InputSpec;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkBuilder;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

public class ChannelCounts {
  /** LeNet with {@code fixed1}/{@code learned1} filters in layer 1 and {@code fixed3}/{@code learned3} in layer 3. */
  static ModelGraph lenet(int fixed1, int learned1, int fixed3, int learned3) {
    return new ModelGraph() {
      public String modelName() {
        return "lenet-" + fixed1 + "+" + learned1 + "-" + fixed3 + "+" + learned3;
      }

      public InputSpec input() {
        return new InputSpec(28, 28, 1, 10);
      }

      public void build(NetworkBuilder net) {
        net.conv(5, 1, Padding.VALID, Activation.RELU, banks(net, "1", fixed1, learned1));
        net.maxPool(2, 2, Padding.VALID);
        net.conv(5, 1, Padding.VALID, Activation.RELU, banks(net, "2", fixed3, learned3));
        net.maxPool(2, 2, Padding.VALID);
        net.dense("fc1", 500, Activation.RELU, Initializer.GLOROT_UNIFORM);
        net.dense("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM);
      }
    };
  }

  static BankDeclaration[] banks(NetworkBuilder net, String layer, int fixed, int learned) {
    List<BankDeclaration> banks = new ArrayList<>();
    if (fixed > 0) {
      banks.add(net.fixedGabor("gabor" + layer, GaborBankSpec.builder().orientations(fixed).phases(0).sigma(2).build()));
    }
    banks.add(net.learnable("conv" + layer, learned, Initializer.GLOROT_UNIFORM));
    return banks.toArray(BankDeclaration[]::new);
  }

  public static void main(String[] args) {
    List<ModelGraph> models = List.of(lenet(0, 20, 0, 50), lenet(10, 10, 25, 25), lenet(0, 32, 0, 64),
        lenet(16, 16, 32, 32));
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(64).threads(2).build();
    Random random = new Random(1);
    float[] images = new float[64 * 784];
    int[] labels = new int[64];
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(10);
    }
    Map<String, TrainingSession> sessions = new LinkedHashMap<>();
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    for (ModelGraph model : models) {
      TrainingSession session = TrainingSession.create(model, config);
      session.initialize(1);
      for (int step = 0; step < 20; step++) {
        session.trainStep(1, step, images, labels, 64);
      }
      sessions.put(model.modelName(), session);
      millis.put(model.modelName(), new ArrayList<>());
    }
    for (int round = 0; round < 12; round++) {
      for (Map.Entry<String, TrainingSession> e : sessions.entrySet()) {
        for (int step = 0; step < 20; step++) {
          long start = System.nanoTime();
          e.getValue().trainStep(1, step, images, labels, 64);
          millis.get(e.getKey()).add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    millis.forEach((name, times) -> {
      Collections.sort(times);
      System.out.printf("%-22s %6.2f ms/step%n", name, times.get(times.size() / 2));
    });
    sessions.values().forEach(TrainingSession::close);
  }
}
