package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.ImageSet;
import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.FloatTensors;
import io.gaborflow.core.Seeds;
import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.tensorflow.graph.MovingStatistic;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.NetworkLowering;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.op.core.Variable;
import io.gaborflow.tensorflow.optim.UpdateRule;
import java.util.HashMap;
import java.util.Map;

/**
 * A model's graph and session, ready to train: the forward network, the loss, update ops over
 * the learnable variables only, and the ops that set initial weights and optimizer state.
 *
 * <p>{@code Optimizer.minimize} is not used: it collects every variable of the graph and gives
 * each one optimizer slots. Gradients are taken with {@code Graph.addGradients} for exactly the
 * variables trained in an epoch, so fixed banks get no gradient, no update and no optimizer
 * state, and a partially trained Gabor bank none outside its epochs.
 */
public final class TrainingSession implements AutoCloseable {
  private final ModelGraph model;
  private final Graph graph;
  private final Session session;
  private final BuiltNetwork network;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> evaluationLoss;
  private final Operand<TFloat32> correct;
  private final UpdateRule updateRule;
  // The update op of each epoch (index 0 is epoch 1); epochs with the same trained variables share one.
  private final List<Op> updateOpByEpoch = new ArrayList<>();
  private final List<Placeholder<TFloat32>> initialValues = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();

  private TrainingSession(ModelGraph model, TrainingConfig config) {
    this.model = model;
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      this.network = NetworkLowering.lower(tf, model.spec(), config.seed());
      checkTrainingWindows(config.epochs());
      this.labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      Operand<TFloat32> oneHot =
          tf.oneHot(labels, tf.constant(model.spec().classes()), tf.constant(1f), tf.constant(0f));
      this.loss = tf.withName("loss").math.mean(
          tf.nn.softmaxCrossEntropyWithLogits(network.trainingLogits(), oneHot).loss(), tf.constant(0));
      this.evaluationLoss = tf.withName("evaluation_loss").math.mean(
          tf.nn.softmaxCrossEntropyWithLogits(network.logits(), oneHot).loss(), tf.constant(0));
      this.correct =
          tf.withName("correct")
              .reduceSum(
                  tf.dtypes.cast(
                      tf.math.equal(tf.math.argMax(network.logits(), tf.constant(1), TInt32.class), labels),
                      TFloat32.class),
                  tf.constant(0));
      this.updateRule = config.optimizer().create(config);
      Ops optimizer = tf.withSubScope("optimizer");
      updateRule.createSlots(optimizer, network.learnables().stream().map(LearnableVariable::variable).toList());
      buildUpdateOps(optimizer, config.epochs());
      Ops init = tf.withSubScope("init");
      for (LearnableVariable v : network.learnables()) {
        Placeholder<TFloat32> value = init.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        initialValues.add(value);
        assigns.add(init.assign(v.variable(), value));
      }
      for (MovingStatistic m : network.moving()) {
        assigns.add(init.assign(m.variable(), init.constant(m.shape(),
            org.tensorflow.ndarray.buffer.DataBuffers.of(m.initialValues(), true, false))));
      }
      assigns.addAll(updateRule.resetOps());
      ConfigProto sessionConfig =
          ConfigProto.newBuilder()
              .setIntraOpParallelismThreads(config.threads())
              .setInterOpParallelismThreads(Math.min(2, config.threads()))
              .build();
      this.session = new Session(graph, sessionConfig);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** A Gabor bank meant to train for more epochs than the run has is a mistake worth stopping for. */
  private void checkTrainingWindows(int epochs) {
    for (FixedBank bank : network.fixedBanks()) {
      if (bank.window() != null && bank.window().epochs() > epochs) {
        throw new IllegalArgumentException(
            "bank " + bank.name() + " trains for " + bank.window().epochs() + " epochs (trainableEpochs) but the run"
                + " has " + epochs + "; lower trainableEpochs or train for more epochs");
      }
    }
  }

  /** Builds {@code model}'s training graph and opens a session for it; weights are not set yet. */
  public static TrainingSession create(ModelGraph model, TrainingConfig config) {
    return new TrainingSession(model, config);
  }

  /**
   * One update op per distinct set of variables trained in an epoch: usually one set for the whole
   * run, two or three when Gabor banks train for only part of it.
   */
  private void buildUpdateOps(Ops tf, int epochs) {
    Map<List<Integer>, Op> bySet = new HashMap<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      List<Integer> trained = new ArrayList<>();
      List<LearnableVariable> learnables = network.learnables();
      for (int i = 0; i < learnables.size(); i++) {
        if (learnables.get(i).trainsIn(epoch, epochs)) {
          trained.add(i);
        }
      }
      updateOpByEpoch.add(bySet.computeIfAbsent(trained, set -> updateOp(tf, set)));
    }
  }

  @SuppressWarnings("unchecked")
  private Op updateOp(Ops tf, List<Integer> trained) {
    List<Variable<TFloat32>> variables = new ArrayList<>();
    Output<?>[] xs = new Output<?>[trained.size()];
    for (int i = 0; i < xs.length; i++) {
      Variable<TFloat32> v = network.learnables().get(trained.get(i)).variable();
      variables.add(v);
      xs[i] = v.asOutput();
    }
    // Gradients for exactly these variables: nothing else gets a gradient, slot or update.
    Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
    List<Operand<TFloat32>> gradients = new ArrayList<>();
    List<Op> computed = new ArrayList<>();
    for (Output<?> g : grads) {
      gradients.add((Output<TFloat32>) g);
      computed.add(tf.identity((Output<TFloat32>) g));
    }
    // Variables are TF1 reference variables: an op that reads one may run after another op has
    // updated it. Gating every update on every gradient makes each step read the weights of the
    // step before, as the maths says, and makes runs repeatable.
    return updateRule.update(tf.withControlDependencies(computed), variables, gradients);
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
        runner.feed(initialValues.get(i), t);
      }
      assigns.forEach(runner::addTarget);
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
    try (TFloat32 x = imagesTensor(images, count);
        TInt32 y = labelsTensor(batchLabels, count);
        TInt64 step = TInt64.scalarOf(globalStep);
        Result result = trainRunner(epoch, step, x, y).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  private Session.Runner trainRunner(int epoch, TInt64 step, TFloat32 x, TInt32 y) {
    if (epoch < 1 || epoch > updateOpByEpoch.size()) {
      throw new IllegalArgumentException(
          "epoch " + epoch + " is outside this session's run of " + updateOpByEpoch.size() + " epochs");
    }
    Session.Runner runner = session.runner()
        .feed(network.images(), x)
        .feed(labels, y)
        .feed(network.step(), step)
        .addTarget(updateOpByEpoch.get(epoch - 1));
    network.statisticUpdates().forEach(runner::addTarget);
    return runner.fetch(loss);
  }

  /**
   * One training step with full tracing: which ops ran and for how long, for profiling and for
   * tests of what a step computes.
   */
  public StepTrace traceTrainStep(int epoch, float[] images, int[] batchLabels, int count) {
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    try (TFloat32 x = imagesTensor(images, count);
        TInt32 y = labelsTensor(batchLabels, count);
        TInt64 step = TInt64.scalarOf(0);
        Result result = trainRunner(epoch, step, x, y).setOptions(trace).runAndFetchMetadata()) {
      return new StepTrace(graph, result.getMetadata().orElseThrow());
    }
  }

  /** Mean loss and accuracy over {@code set}, in batches of {@code batchSize}. */
  public Evaluation evaluate(ImageSet set, int batchSize) {
    int[] order = new int[set.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    float[] images = new float[batchSize * set.pixelsPerImage()];
    int[] batchLabels = new int[batchSize];
    double lossSum = 0;
    double correctSum = 0;
    for (int from = 0; from < set.size(); from += batchSize) {
      int count = Math.min(batchSize, set.size() - from);
      set.copyBatch(order, from, count, images, batchLabels);
      try (TFloat32 x = imagesTensor(images, count);
          TInt32 y = labelsTensor(batchLabels, count);
          Result result =
              session.runner().feed(network.images(), x).feed(labels, y).fetch(evaluationLoss).fetch(correct).run()) {
        lossSum += ((TFloat32) result.get(0)).getFloat() * count;
        correctSum += ((TFloat32) result.get(1)).getFloat();
      }
    }
    int n = Math.max(1, set.size());
    return new Evaluation(lossSum / n, correctSum / n, set.size());
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

  private TFloat32 imagesTensor(float[] images, int count) {
    FeatureShape in = model.spec().input();
    Shape shape = Shape.of(count, in.height(), in.width(), in.channels());
    return TFloat32.tensorOf(shape, DataBuffers.of(images, true, false).narrow(shape.size()));
  }

  private static TInt32 labelsTensor(int[] values, int count) {
    return TInt32.tensorOf(Shape.of(count), DataBuffers.of(values, true, false).narrow(count));
  }

  /** Every variable of the graph (weights and optimizer state) with its shape, by op name. */
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

  public ModelGraph model() {
    return model;
  }

  public BuiltNetwork network() {
    return network;
  }

  public Graph graph() {
    return graph;
  }

  public Session session() {
    return session;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
