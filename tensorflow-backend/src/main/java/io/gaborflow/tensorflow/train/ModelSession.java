package io.gaborflow.tensorflow.train;

import io.gaborflow.core.Seeds;
import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.tensorflow.checkpoint.VariableStore;
import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.export.ServableModel;
import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.graph.LoweringOptions;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.placement.Placement;
import io.gaborflow.tensorflow.runtime.CpuFeatures;
import io.gaborflow.tensorflow.runtime.TensorFlowEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.types.TFloat32;

/**
 * A model's training graph and its weights in one TensorFlow session, on a {@link Placement}.
 * {@link ModelTrainer} opens one per run; open one yourself to look at the weights after training
 * ({@link ModelTrainer#train(ModelSession, RunOptions, List)}), or for tools that run single steps.
 * Close it to release the native graph and session.
 */
public final class ModelSession implements AutoCloseable, ModelView {
  private final ModelGraph model;
  private final TrainingConfig config;
  private final Placement placement;
  private final Graph graph;
  private final Session session;
  private final TrainingGraph training;
  private final StepRunner steps;
  private final Evaluator evaluator;
  private final ModelState state;
  private final LayerForms layerForms;

  static {
    TensorFlowEnvironment.ensure();
  }

  private ModelSession(
      ModelGraph model, TrainingConfig config, Placement placement, LayerForms layerForms) {
    this.model = model;
    this.config = config;
    this.placement = placement;
    this.layerForms = layerForms;
    this.graph = new Graph();
    try {
      this.training =
          new TrainingGraph(graph, model, config, layerForms.options(), placement.exchange());
      this.session = placement.openSession(graph, config.threads(), config.precision());
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    this.steps = new StepRunner(session, training, placement);
    this.evaluator = new Evaluator(session, training, config.flipEvaluation());
    this.state = new ModelState(graph, session, training);
  }

  /**
   * Builds {@code model}'s training graph and opens a session for it in this process; weights are
   * not set yet.
   */
  public static ModelSession open(ModelGraph model, TrainingConfig config) {
    return open(model, config, Placement.local());
  }

  /**
   * As {@link #open(ModelGraph, TrainingConfig)}, on {@code placement}: as a worker of a cluster,
   * each step's gradients are averaged over the workers before the update, so every worker keeps
   * the same weights. The caller closes the placement after the session.
   */
  public static ModelSession open(ModelGraph model, TrainingConfig config, Placement placement) {
    return open(model, config, placement, LayerFormTuning.standard());
  }

  /**
   * As {@link #open(ModelGraph, TrainingConfig, Placement)}, with {@link
   * io.gaborflow.tensorflow.graph.LayerForm#AUTO} resolved by {@code tuning}.
   */
  public static ModelSession open(
      ModelGraph model, TrainingConfig config, Placement placement, LayerFormTuning tuning) {
    config.precision().requireSupportedBy(CpuFeatures.ofThisMachine());
    return new ModelSession(model, config, placement, tuning.resolve(model, config));
  }

  /** A local session with the network lowered as {@code lowering} says, for timing forms. */
  static ModelSession probe(ModelGraph model, TrainingConfig config, LoweringOptions lowering) {
    return new ModelSession(model, config, Placement.local(), new LayerForms(lowering, List.of()));
  }

  /** The forms the convolution layers were built in, and how they were chosen. */
  public LayerForms layerForms() {
    return layerForms;
  }

  /**
   * Sets every learnable tensor to its initial value drawn with {@code seed}, and the optimizer
   * state to zero.
   */
  public void initialize(long seed) {
    SplittableRandom random = Seeds.initialWeights(seed);
    Session.Runner runner = session.runner();
    List<TFloat32> tensors = new ArrayList<>();
    try {
      List<LearnableVariable> learnables = training.network().learnables();
      for (int i = 0; i < learnables.size(); i++) {
        LearnableVariable v = learnables.get(i);
        TFloat32 t =
            TFloat32.tensorOf(
                v.shape(), DataBuffers.of(v.initialValues(random.split()), true, false));
        tensors.add(t);
        runner.feed(training.initialValues().get(i), t);
      }
      training.assigns().forEach(runner::addTarget);
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * One optimizer step of {@code epoch} (from 1) on {@code batch} at {@code learningRate}; {@code
   * globalStep} seeds dropout. Returns the batch loss. For tools that time or soak single steps; a
   * run trains through {@link ModelTrainer}.
   */
  public float trainStep(int epoch, long globalStep, float learningRate, Batch batch) {
    return steps.run(epoch, globalStep, learningRate, batch);
  }

  /**
   * One step of {@code epoch} on {@code batch} at the base learning rate, traced op by op (for
   * profilers).
   */
  public RunMetadata traceStep(int epoch, Batch batch) {
    return steps.trace(epoch, batch);
  }

  /**
   * The kernels whose filter gradient one step of {@code epoch} on {@code batch} computes, by the
   * name of the variable (or, for a fixed bank, the constant) they are read from: a fixed bank's
   * kernel is never among them. The step is traced and runs at the base learning rate.
   */
  public java.util.Set<String> filterGradientKernels(int epoch, Batch batch) {
    return FilterGradients.kernels(graph, traceStep(epoch, batch));
  }

  /** Mean loss and accuracy over {@code set}, in batches of {@code batchSize}. */
  public Evaluation evaluate(ImageSamples set, int batchSize) {
    return evaluator.evaluate(set, batchSize, java.util.List.of());
  }

  /** Mean loss and accuracy over {@code set}, and each of {@code metrics}. */
  public Evaluation evaluate(ImageSamples set, int batchSize, java.util.List<Metric> metrics) {
    return evaluator.evaluate(set, batchSize, metrics);
  }

  /** The logits of {@code batch}'s images, row by row. */
  public float[] logits(Batch batch) {
    return evaluator.logits(batch);
  }

  /**
   * The logits of the first {@code count} images of {@code images} (NHWC at the model's input
   * size), row by row.
   */
  public float[] logits(float[] images, int count) {
    return evaluator.logits(Batch.of(images, new int[count], count, spec().input().elements()));
  }

  /** The current value of a tensor of the graph (a variable or a fixed bank's constant). */
  public float[] valueOf(Operand<TFloat32> operand) {
    return state.valueOf(operand);
  }

  /**
   * The bytes of gradients each worker puts into the all-reduce in a step of {@code epoch}: four
   * per learnable value trained in that epoch. Fixed banks have no gradient and are never part of
   * it; a Gabor bank trained for part of the run is, in its epochs only.
   */
  public long exchangedBytesPerStep(int epoch) {
    int epochs = training.epochs();
    long values = 0;
    for (LearnableVariable v : training.network().learnables()) {
      if (v.trainsIn(epoch, epochs)) {
        values += v.shape().size();
      }
    }
    return 4 * values;
  }

  /** The model's variables, as checkpoints read and write them. */
  public VariableStore variables() {
    return state;
  }

  /** The trained model, as an export writes it. */
  public ServableModel servable() {
    return state;
  }

  /** The model whose graph this is. */
  public ModelGraph model() {
    return model;
  }

  /** The network's description. */
  public NetworkSpec spec() {
    return model.spec();
  }

  /** How the graph was built and trains. */
  public TrainingConfig config() {
    return config;
  }

  /** Where it trains. */
  public Placement placement() {
    return placement;
  }

  /** The lowered network: inputs, logits, variables, banks. */
  public BuiltNetwork network() {
    return training.network();
  }

  /** The graph, for tests and tools that add ops of their own (gradient checks). */
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
