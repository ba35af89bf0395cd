// LeNet and half-Gabor LeNet at the paper's channel counts (20/50 filters) and at multiples of 16
// (32/64), in one process, alternating rounds of 20 steps; prints median ms per training step.
// Run after a build (./gaborflow --help builds), from the repository root:
//   java -cp "cli/target/classes:$(cat cli/target/classpath.txt)" bench/ChannelCounts.java
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Initializer;
import io.gaborflow.core.annotation.Padding;
import io.gaborflow.core.gabor.GaborBankSpec;
import io.gaborflow.core.model.BankSpec;
import io.gaborflow.core.model.ConvLayerSpec;
import io.gaborflow.core.model.DenseLayerSpec;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.FixedGaborBankSpec;
import io.gaborflow.core.model.FlattenLayerSpec;
import io.gaborflow.core.model.LearnableBankSpec;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.core.model.PoolLayerSpec;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

public class ChannelCounts {
  /** LeNet with {@code fixed1}/{@code learned1} filters in layer 1 and {@code fixed3}/{@code learned3} in layer 3. */
  static ModelGraph lenet(int fixed1, int learned1, int fixed3, int learned3) {
    String name = "lenet-" + fixed1 + "+" + learned1 + "-" + fixed3 + "+" + learned3;
    NetworkSpec spec = NetworkSpec.builder("bench." + name, name, FeatureShape.spatial(28, 28, 1), 10)
        .layer("conv1", new ConvLayerSpec(5, 1, Padding.VALID, Activation.RELU, banks("1", fixed1, learned1)))
        .layer("pool1", new PoolLayerSpec("pool1", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
        .layer("conv2", new ConvLayerSpec(5, 1, Padding.VALID, Activation.RELU, banks("2", fixed3, learned3)))
        .layer("pool2", new PoolLayerSpec("pool2", PoolLayerSpec.Kind.MAX, 2, 2, Padding.VALID))
        .layer("flat", new FlattenLayerSpec("flat"))
        .layer("fc1", new DenseLayerSpec("fc1", 500, Activation.RELU, Initializer.GLOROT_UNIFORM))
        .layer("logits", new DenseLayerSpec("logits", 10, Activation.NONE, Initializer.GLOROT_UNIFORM))
        .build();
    return ModelGraph.of(spec);
  }

  static List<BankSpec> banks(String layer, int fixed, int learned) {
    List<BankSpec> banks = new ArrayList<>();
    if (fixed > 0) {
      banks.add(new FixedGaborBankSpec("gabor" + layer,
          GaborBankSpec.builder().orientations(fixed).phases(0).sigma(2).build()));
    }
    banks.add(new LearnableBankSpec("conv" + layer, learned, Initializer.GLOROT_UNIFORM));
    return banks;
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
    Batch batch = Batch.of(images, labels, 64, 784);
    Map<String, ModelSession> sessions = new LinkedHashMap<>();
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    for (ModelGraph model : models) {
      ModelSession session = ModelSession.open(model, config);
      session.initialize(1);
      for (int step = 0; step < 20; step++) {
        session.trainStep(1, step, config.learningRate(), batch);
      }
      sessions.put(model.modelName(), session);
      millis.put(model.modelName(), new ArrayList<>());
    }
    for (int round = 0; round < 12; round++) {
      for (Map.Entry<String, ModelSession> e : sessions.entrySet()) {
        for (int step = 0; step < 20; step++) {
          long start = System.nanoTime();
          e.getValue().trainStep(1, step, config.learningRate(), batch);
          millis.get(e.getKey()).add((System.nanoTime() - start) / 1e6);
        }
      }
    }
    millis.forEach((name, times) -> {
      Collections.sort(times);
      System.out.printf("%-22s %6.2f ms/step%n", name, times.get(times.size() / 2));
    });
    sessions.values().forEach(ModelSession::close);
  }
}
