package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.graph.FixedBank;
import io.gaborflow.tensorflow.graph.KernelGradientSite;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.LoweringOptions;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.graph.MovingStatistic;
import io.gaborflow.tensorflow.graph.NetworkLowering;
import io.gaborflow.tensorflow.graph.TensorExchange;
import io.gaborflow.tensorflow.optim.Trained;
import io.gaborflow.tensorflow.optim.UpdateRule;
import io.gaborflow.tensorflow.sources.FilterSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A model's training graph, assembled once: the lowered network, the loss, the update ops over the
 * learnable variables only, and the ops that set initial weights, statistics and optimizer state.
 *
 * <p>{@code Optimizer.minimize} is not used: it collects every variable of the graph and gives each
 * one optimizer slots. Gradients are taken with {@code Graph.addGradients} for exactly the
 * variables trained in an epoch, so fixed banks get no gradient, no update and no optimizer state,
 * and a partially trained Gabor bank none outside its epochs.
 */
final class TrainingGraph {
  private final BuiltNetwork network;
  private final Placeholder<TInt32> labels;
  // Fed every step with the schedule's rate; the base rate when not fed.
  private final PlaceholderWithDefault<TFloat32> learningRate;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> evaluationLoss;
  private final Operand<TFloat32> correct;
  // What an export serves: class probabilities from the inference pass.
  private final Operand<TFloat32> probabilities;
  // The update op of each epoch (index 0 is epoch 1); epochs with the same trained variables share
  // one.
  private final List<Op> updateOpByEpoch = new ArrayList<>();
  private final List<Placeholder<TFloat32>> initialValues = new ArrayList<>();
  private final List<Op> assigns = new ArrayList<>();
  private final Graph graph;
  private final UpdateRule updateRule;
  private final TensorExchange exchange;
  private final boolean decayGabor;
  private final float gaborRateScale;

  /** The lowered network: its input, logits and variables. */
  BuiltNetwork network() {
    return network;
  }

  /** The labels a step or an evaluation is fed. */
  Placeholder<TInt32> labels() {
    return labels;
  }

  /** The learning rate a step is fed (the base rate when it is not). */
  PlaceholderWithDefault<TFloat32> learningRate() {
    return learningRate;
  }

  /** The training loss of a batch (with label smoothing, if any). */
  Operand<TFloat32> loss() {
    return loss;
  }

  /** The mean loss of a batch against its one-hot labels, in inference mode. */
  Operand<TFloat32> evaluationLoss() {
    return evaluationLoss;
  }

  /** How many of a batch's images the inference pass classifies right. */
  Operand<TFloat32> correct() {
    return correct;
  }

  /** Class probabilities from the inference pass. */
  Operand<TFloat32> probabilities() {
    return probabilities;
  }

  /** The epochs the graph was built for. */
  int epochs() {
    return updateOpByEpoch.size();
  }

  /** The update op of {@code epoch} (from 1), failing with the run's length when outside it. */
  Op updateOp(int epoch) {
    if (epoch < 1 || epoch > updateOpByEpoch.size()) {
      throw new IllegalArgumentException(
          "epoch "
              + epoch
              + " is outside this session's run of "
              + updateOpByEpoch.size()
              + " epochs");
    }
    return updateOpByEpoch.get(epoch - 1);
  }

  /** The placeholders of the learnable variables' first values, in the network's order. */
  List<Placeholder<TFloat32>> initialValues() {
    return java.util.Collections.unmodifiableList(initialValues);
  }

  /** The ops that set first weights, statistics and optimizer state. */
  List<Op> assigns() {
    return java.util.Collections.unmodifiableList(assigns);
  }

  /**
   * The graph of {@code model}; {@code exchange} is what is done to each step's gradients and batch
   * statistics before they are used (nothing in one process, an average over the workers in a
   * cluster); {@code lowering} says which ops the network becomes.
   */
  TrainingGraph(
      Graph graph,
      ModelGraph model,
      TrainingConfig config,
      LoweringOptions lowering,
      TensorExchange exchange) {
    this.graph = graph;
    this.exchange = exchange;
    this.decayGabor = config.decayGabor();
    this.gaborRateScale = config.gaborRateScale();
    Ops tf = Ops.create(graph);
    this.network =
        NetworkLowering.lower(
            tf, model.spec(), config.seed(), FilterSources::of, lowering, exchange);
    checkTrainingWindows(config.epochs());
    this.labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> oneHot =
        tf.oneHot(labels, tf.constant(model.spec().classes()), tf.constant(1f), tf.constant(0f));
    this.loss =
        tf.withName("loss")
            .math
            .mean(
                tf.nn
                    .softmaxCrossEntropyWithLogits(
                        network.trainingLogits(),
                        smoothed(tf, oneHot, config, model.spec().classes()))
                    .loss(),
                tf.constant(0));
    this.evaluationLoss =
        tf.withName("evaluation_loss")
            .math
            .mean(
                tf.nn.softmaxCrossEntropyWithLogits(network.logits(), oneHot).loss(),
                tf.constant(0));
    this.correct =
        tf.withName("correct")
            .reduceSum(
                tf.dtypes.cast(
                    tf.math.equal(
                        tf.math.argMax(network.logits(), tf.constant(1), TInt32.class), labels),
                    TFloat32.class),
                tf.constant(0));
    this.probabilities = tf.withName("probabilities").nn.softmax(network.logits());
    this.learningRate =
        tf.withName("learning_rate")
            .placeholderWithDefault(tf.constant(config.learningRate()), Shape.scalar());
    this.updateRule = config.optimizer().rule(config.weightDecay());
    Ops optimizer = tf.withSubScope("optimizer");
    updateRule.createSlots(
        optimizer, network.learnables().stream().map(LearnableVariable::variable).toList());
    buildUpdateOps(optimizer, config.epochs());
    ReluGradients.readOutputs(graph);
    Ops init = tf.withSubScope("init");
    for (LearnableVariable v : network.learnables()) {
      Placeholder<TFloat32> value = init.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
      initialValues.add(value);
      assigns.add(init.assign(v.variable(), value));
    }
    for (MovingStatistic m : network.moving()) {
      assigns.add(
          init.assign(
              m.variable(),
              init.constant(m.shape(), DataBuffers.of(m.initialValues(), true, false))));
    }
    assigns.addAll(updateRule.resetOps());
  }

  /** The training targets: one-hot, or smoothed towards uniform by the config's label smoothing. */
  private static Operand<TFloat32> smoothed(
      Ops tf, Operand<TFloat32> oneHot, TrainingConfig config, int classes) {
    float e = config.labelSmoothing();
    if (e == 0) {
      return oneHot;
    }
    return tf.withName("smoothed_targets")
        .math
        .add(tf.math.mul(oneHot, tf.constant(1 - e)), tf.constant(e / classes));
  }

  /**
   * A Gabor bank meant to train for more epochs than the run has is a mistake worth stopping for.
   */
  private void checkTrainingWindows(int epochs) {
    for (FixedBank bank : network.fixedBanks()) {
      if (bank.window() != null && bank.window().epochs() > epochs) {
        throw new IllegalArgumentException(
            "bank "
                + bank.name()
                + " trains for "
                + bank.window().epochs()
                + " epochs (trainableEpochs) but the run"
                + " has "
                + epochs
                + "; lower trainableEpochs or train for more epochs");
      }
    }
  }

  /**
   * One update op per distinct set of variables trained in an epoch: usually one set for the whole
   * run, two or three when Gabor banks train for only part of it.
   */
  private void buildUpdateOps(Ops tf, int epochs) {
    Map<List<Integer>, Op> bySet = new HashMap<>();
    List<LearnableVariable> learnables = network.learnables();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      List<Integer> trained = new ArrayList<>();
      for (int i = 0; i < learnables.size(); i++) {
        if (learnables.get(i).trainsIn(epoch, epochs)) {
          trained.add(i);
        }
      }
      updateOpByEpoch.add(bySet.computeIfAbsent(trained, set -> updateOp(tf, set)));
    }
  }

  private Op updateOp(Ops tf, List<Integer> trained) {
    List<LearnableVariable> variables = new ArrayList<>();
    for (int i : trained) {
      variables.add(network.learnables().get(i));
    }
    List<Operand<TFloat32>> local = gradients(tf, variables);
    List<Operand<TFloat32>> gradients = exchange.exchange(tf, local);
    List<Op> computed = new ArrayList<>();
    List<Trained> steps = new ArrayList<>();
    for (int i = 0; i < gradients.size(); i++) {
      computed.add(tf.identity(gradients.get(i)));
      LearnableVariable v = variables.get(i);
      steps.add(
          new Trained(
              v.variable(),
              gradients.get(i),
              v.decays(decayGabor),
              v.trainedGaborValues() ? gaborRateScale : 1f));
    }
    // Variables are TF1 reference variables: an op that reads one may run after another op has
    // updated it. Gating every update on every gradient makes each step read the weights of the
    // step before, as the maths says, and makes runs repeatable.
    return updateRule.update(tf.withControlDependencies(computed), learningRate, steps);
  }

  /**
   * The loss's gradient for each of {@code variables}, all from one {@code Graph.addGradients}: a
   * variable's own for most, the gradient of its layer's output for a kernel with a {@link
   * KernelGradientSite}, which then makes the kernel's gradient of it.
   */
  @SuppressWarnings("unchecked")
  private List<Operand<TFloat32>> gradients(Ops tf, List<LearnableVariable> variables) {
    Map<Variable<TFloat32>, KernelGradientSite> sites = new HashMap<>();
    for (KernelGradientSite site : network.kernelGradients()) {
      sites.put(site.kernel(), site);
    }
    // Each x once: the learned banks of one layer share their layer's output.
    Map<Output<?>, Integer> index = new LinkedHashMap<>();
    for (LearnableVariable v : variables) {
      KernelGradientSite site = sites.get(v.variable());
      index.putIfAbsent(site == null ? v.variable().asOutput() : site.layerOutput(), index.size());
    }
    // Gradients for exactly these: nothing else gets a gradient, slot or update.
    Output<?>[] grads =
        graph.addGradients(loss.asOutput(), index.keySet().toArray(Output<?>[]::new));
    List<Operand<TFloat32>> gradients = new ArrayList<>();
    for (LearnableVariable v : variables) {
      KernelGradientSite site = sites.get(v.variable());
      if (site == null) {
        gradients.add((Output<TFloat32>) grads[index.get(v.variable().asOutput())]);
      } else {
        Output<TFloat32> outputGradient = (Output<TFloat32>) grads[index.get(site.layerOutput())];
        gradients.add(site.gradient(tf, outputGradient));
      }
    }
    return gradients;
  }
}
