package io.gaborflow.tensorflow.train;

import io.gaborflow.core.Seeds;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.checkpoint.VariableStore;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.distributed.Cluster;
import io.gaborflow.tensorflow.distributed.ClusterRuntime;
import io.gaborflow.tensorflow.distributed.WorkerLostException;
import io.gaborflow.tensorflow.export.GaborBankParameters;
import io.gaborflow.tensorflow.export.ServableModel;
import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.graph.ConvBank;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.FloatTensors;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.TensorExchange;
import io.gaborflow.tensorflow.runtime.TensorFlowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A model's training graph ({@link TrainingGraph}) in a session: sets the first weights, runs
 * training steps and evaluations, and gives checkpoints and exports the narrow views they need.
 */
public final class TrainingSession implements AutoCloseable, VariableStore, ServableModel {
  private final ModelGraph model;
  private final Graph graph;
  private final Session session;
  private final TrainingGraph training;
  private final BuiltNetwork network;
  private final ClusterRuntime cluster;

  static {
    TensorFlowEnvironment.ensure();
  }

  private TrainingSession(ModelGraph model, TrainingConfig config, ClusterRuntime cluster) {
    this.model = model;
    this.graph = new Graph();
    this.cluster = cluster;
    try {
      if (cluster == null) {
        this.training = new TrainingGraph(graph, model, config, TensorExchange.LOCAL);
        ConfigProto sessionConfig =
            ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(config.threads())
                .setInterOpParallelismThreads(Math.min(2, config.threads()))
                .build();
        this.session = new Session(graph, sessionConfig);
      } else {
        this.training = new TrainingGraph(graph, model, config, cluster::mean);
        this.session = cluster.openSession(graph, config.threads());
      }
      this.network = training.network;
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Builds {@code model}'s training graph and opens a session for it; weights are not set yet. */
  public static TrainingSession create(ModelGraph model, TrainingConfig config) {
    return new TrainingSession(model, config, null);
  }

  /**
   * Builds {@code model}'s training graph for one worker of {@code cluster} and opens a session on
   * its server: each step's gradients are averaged over the workers before the update, so every
   * worker keeps the same weights.
   */
  public static TrainingSession create(ModelGraph model, TrainingConfig config, ClusterRuntime cluster) {
    return new TrainingSession(model, config, cluster);
  }

  /**
   * In a cluster, refuses to go on unless every worker has the same {@code fields} (what the run
   * is: model, graph, data, settings), naming those that differ; alone, does nothing.
   */
  public void requireSameRunOnEveryWorker(Map<String, String> fields) {
    if (cluster == null) {
      return;
    }
    List<String> differing = cluster.disagreements(graph, session, fields);
    if (!differing.isEmpty()) {
      throw new IllegalArgumentException("worker " + cluster.cluster().task() + " refuses to train: the workers differ"
          + " in " + String.join(", ", differing) + "; start every worker with the same model, data and settings");
    }
  }

  /**
   * The bytes of gradients each worker puts into the all-reduce in a step of {@code epoch}: four
   * per learnable value trained in that epoch. Fixed banks have no gradient and are never part of
   * it; a Gabor bank trained for part of the run is, in its epochs only.
   */
  public long exchangedBytesPerStep(int epoch) {
    int epochs = training.updateOpByEpoch.size();
    long values = 0;
    for (LearnableVariable v : network.learnables()) {
      if (v.trainsIn(epoch, epochs)) {
        values += v.shape().size();
      }
    }
    return 4 * values;
  }

  /**
   * Whether this process writes the run's checkpoints, export and report: when it trains alone,
   * or as worker 0 of a cluster.
   */
  public boolean writesOutputs() {
    return cluster == null || cluster.cluster().chief();
  }

  /** The cluster this session trains in, or empty when it trains alone. */
  public Optional<Cluster> cluster() {
    return cluster == null ? Optional.empty() : Optional.of(cluster.cluster());
  }

  /** Sets every learnable tensor to its initial value drawn with {@code seed}, and the optimizer state to zero. */
  public void initialize(long seed) {
    SplittableRandom random = Seeds.initialWeights(seed);
    Session.Runner runner = session.runner();
    List<TFloat32> tensors = new ArrayList<>();
    try {
      List<LearnableVariable> learnables = network.learnables();
      for (int i = 0; i < learnables.size(); i++) {
        LearnableVariable v = learnables.get(i);
        TFloat32 t = TFloat32.tensorOf(v.shape(), DataBuffers.of(v.initialValues(random.split()), true, false));
        tensors.add(t);
        runner.feed(training.initialValues.get(i), t);
      }
      training.assigns.forEach(runner::addTarget);
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * One optimizer step of {@code epoch} (from 1) on the first {@code count} images of {@code
   * images}; {@code globalStep} seeds dropout. Returns the batch loss.
   */
  public float trainStep(int epoch, long globalStep, float[] images, int[] batchLabels, int count) {
    return trainStep(epoch, globalStep, null, images, batchLabels, count);
  }

  /** As {@link #trainStep(int, long, float[], int[], int)}, with learning rate {@code learningRate}. */
  public float trainStep(int epoch, long globalStep, float learningRate, float[] images, int[] batchLabels,
      int count) {
    return trainStep(epoch, globalStep, (Float) learningRate, images, batchLabels, count);
  }

  /** One step; a {@code null} rate leaves the graph's default learning rate. */
  private float trainStep(int epoch, long globalStep, Float learningRate, float[] images, int[] batchLabels,
      int count) {
    try (TFloat32 x = imagesTensor(images, count);
        TInt32 y = labelsTensor(batchLabels, count);
        TInt64 step = TInt64.scalarOf(globalStep);
        TFloat32 rate = learningRate == null ? null : TFloat32.scalarOf(learningRate)) {
      Session.Runner runner = trainRunner(epoch, step, x, y);
      if (rate != null) {
        runner.feed(training.learningRate, rate);
      }
      try (Result result = runner.run()) {
        return ((TFloat32) result.get(0)).getFloat();
      } catch (TensorFlowException e) {
        if (cluster == null) {
          throw e;
        }
        throw WorkerLostException.of(cluster.cluster(), cluster.timeout(), e);
      }
    }
  }

  Session.Runner trainRunner(int epoch, TInt64 step, TFloat32 x, TInt32 y) {
    List<Op> updateOpByEpoch = training.updateOpByEpoch;
    if (epoch < 1 || epoch > updateOpByEpoch.size()) {
      throw new IllegalArgumentException(
          "epoch " + epoch + " is outside this session's run of " + updateOpByEpoch.size() + " epochs");
    }
    Session.Runner runner = session.runner()
        .feed(network.images(), x)
        .feed(training.labels, y)
        .feed(network.step(), step)
        .addTarget(updateOpByEpoch.get(epoch - 1));
    network.statisticUpdates().forEach(runner::addTarget);
    return runner.fetch(training.loss);
  }

  /**
   * Mean loss and accuracy over {@code set}, in batches of {@code batchSize} read ahead by {@link
   * Batches#inOrder}; images that cannot be decoded and are skipped are not counted.
   */
  public Evaluation evaluate(ImageSamples set, int batchSize) {
    double lossSum = 0;
    double correctSum = 0;
    int evaluated = 0;
    try (Batches batches = Batches.inOrder(set, batchSize)) {
      for (int step = 0; step < batches.stepsPerEpoch(); step++) {
        batches.fill(1, step);
        int count = batches.count();
        if (count == 0) {
          continue;
        }
        try (TFloat32 x = imagesTensor(batches.images(), count);
            TInt32 y = labelsTensor(batches.labels(), count);
            Result result = session.runner().feed(network.images(), x).feed(training.labels, y)
                .fetch(training.evaluationLoss).fetch(training.correct).run()) {
          lossSum += ((TFloat32) result.get(0)).getFloat() * count;
          correctSum += ((TFloat32) result.get(1)).getFloat();
        }
        evaluated += count;
      }
    }
    int n = Math.max(1, evaluated);
    return new Evaluation(lossSum / n, correctSum / n, evaluated);
  }

  /** The logits for the first {@code count} images of {@code images}, row by row. */
  public float[] logits(float[] images, int count) {
    try (TFloat32 x = imagesTensor(images, count);
        Result result = session.runner().feed(network.images(), x).fetch(network.logits()).run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }

  /** The current value of a tensor of the graph (a variable or a fixed bank's constant). */
  public float[] valueOf(Operand<TFloat32> operand) {
    try (Result result = session.runner().fetch(operand).run()) {
      return FloatTensors.values((TFloat32) result.get(0));
    }
  }

  TFloat32 imagesTensor(float[] images, int count) {
    FeatureShape in = model.spec().input();
    Shape shape = Shape.of(count, in.height(), in.width(), in.channels());
    return TFloat32.tensorOf(shape, DataBuffers.of(images, true, false).narrow(shape.size()));
  }

  static TInt32 labelsTensor(int[] values, int count) {
    return TInt32.tensorOf(Shape.of(count), DataBuffers.of(values, true, false).narrow(count));
  }

  /** Every variable of the graph (weights, statistics, optimizer state) with its shape, by op name. */
  @Override
  public Map<String, List<Long>> variableShapes() {
    Map<String, List<Long>> shapes = new java.util.TreeMap<>();
    for (java.util.Iterator<org.tensorflow.GraphOperation> it = graph.operations(); it.hasNext(); ) {
      org.tensorflow.GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        List<Long> dims = new ArrayList<>();
        for (long d : op.output(0).shape().asArray()) {
          dims.add(d);
        }
        shapes.put(op.name(), dims);
      }
    }
    return shapes;
  }

  /** The model whose graph this is. */
  public ModelGraph model() {
    return model;
  }

  @Override
  public String modelName() {
    return model.modelName();
  }

  @Override
  public void save(String prefix) {
    session.save(prefix);
  }

  @Override
  public void restore(String prefix) {
    session.restore(prefix);
  }

  @Override
  public NetworkSpec spec() {
    return model.spec();
  }

  @Override
  public List<ConvBank> banks() {
    return network.convBanks();
  }

  @Override
  public Map<String, GaborBankParameters> gaborBanks() {
    Map<String, GaborBankParameters> banks = new java.util.LinkedHashMap<>();
    for (FixedBank bank : network.fixedBanks()) {
      if (bank.gabor() != null) {
        banks.put(bank.name(), new GaborBankParameters(bank.currentParameters(this::valueOf), bank.normalization()));
      }
    }
    return banks;
  }

  @Override
  public void writeSavedModel(Path directory, String signature, String input, String output) {
    Operand<TFloat32> probabilities = Ops.create(graph).withName(output).nn.softmax(network.logits());
    try {
      SavedModelBundle.exporter(directory.toString())
          .withSession(session)
          .withSignature(Signature.builder().key(signature).input(input, network.images()).output(output, probabilities)
              .build())
          .export();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a SavedModel to " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The lowered network: inputs, logits, variables, banks. */
  public BuiltNetwork network() {
    return network;
  }

  /** The graph, for tests and tools that add ops of their own (gradient checks, tracing). */
  public Graph graph() {
    return graph;
  }

  /** The session, for tests and tools that run ops of their own. */
  public Session session() {
    return session;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
