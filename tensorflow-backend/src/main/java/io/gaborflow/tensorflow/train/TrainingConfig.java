package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.LayerForm;
import io.gaborflow.tensorflow.runtime.Precision;

/**
 * How to train: the same config and seed give the same initial weights, the same batch order and so
 * the same run.
 *
 * @param epochs passes over the training set
 * @param batchSize images per step; the last partial batch of an epoch is left out, so every step
 *     sees the same number of images
 * @param learningRate step size of the optimizer (the base rate of {@code schedule})
 * @param schedule the learning rate of each step, from the base rate
 * @param optimizer the update rule and its own settings
 * @param seed seeds the initial weights, the batch order and dropout
 * @param threads CPU threads TensorFlow may use inside one op
 * @param evalBatchSize images per step when evaluating
 * @param augment random crops (4-pixel zero padding) and horizontal flips of training images
 * @param deterministic the same seed gives the same weights bit for bit, from one build of the
 *     graph to the next, at some cost in speed (a fixed bank's shifted-copies form is replaced;
 *     bench/README.md); the default is the system property {@code gaborflow.deterministic}, which
 *     the build sets for its tests
 * @param labelSmoothing e in [0, 1): training targets {@code 1 - e + e / K} for the true class and
 *     {@code e / K} for the others; 0 is one-hot. Evaluation loss is always against one-hot targets
 * @param weightDecay pulls learned kernels towards zero: L2 added to the gradient for {@link
 *     Optimizer.Momentum}, decoupled (AdamW) for {@link Optimizer.Adam}; 0 is none. Biases,
 *     normalisation scales and offsets and Gabor banks are left out
 * @param decayGabor whether weight decay also applies to partially trained Gabor banks' values and
 *     parametric Gabor banks' parameters
 * @param gaborRateScale the learning rate of a Gabor bank's values in its training epochs, as a
 *     multiple of the run's: fine-tuning good features gently (1: the same rate)
 * @param precision the arithmetic of convolutions and matrix products; variables, optimizer state,
 *     statistics, the loss, checkpoints and exports stay float32
 * @param flipEvaluation test-time augmentation: evaluation averages the class probabilities of each
 *     image and its mirror image
 * @param layerForm how convolution layers with fixed and learned banks become ops; the forms
 *     compute the same values ({@link LayerForm}); the default, {@link LayerForm#AUTO}, times them
 *     per layer at graph build on this machine ({@link LayerFormTuning}), except in deterministic
 *     mode
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    float learningRate,
    LearningRateSchedule schedule,
    Optimizer optimizer,
    long seed,
    int threads,
    int evalBatchSize,
    boolean augment,
    boolean deterministic,
    float labelSmoothing,
    float weightDecay,
    boolean decayGabor,
    float gaborRateScale,
    Precision precision,
    boolean flipEvaluation,
    LayerForm layerForm) {

  /** Checks every setting, naming the one that is wrong. */
  public TrainingConfig {
    require(epochs >= 0, "epochs must be 0 or more, got " + epochs);
    require(batchSize > 0, "batch size must be positive, got " + batchSize);
    require(
        learningRate > 0 && Float.isFinite(learningRate),
        "learning rate must be positive, got " + learningRate);
    require(
        schedule != null,
        "a learning-rate schedule is needed; use LearningRateSchedule.constant()");
    require(optimizer != null, "an optimizer is needed; use Optimizer.adam()");
    require(threads > 0, "threads must be positive, got " + threads);
    require(evalBatchSize > 0, "evaluation batch size must be positive, got " + evalBatchSize);
    require(
        labelSmoothing >= 0 && labelSmoothing < 1,
        "label smoothing must be in [0, 1), got " + labelSmoothing);
    require(
        weightDecay >= 0 && Float.isFinite(weightDecay),
        "weight decay must be 0 or more, got " + weightDecay);
    require(
        gaborRateScale > 0 && Float.isFinite(gaborRateScale),
        "the Gabor banks' rate scale must be positive, got " + gaborRateScale);
    require(precision != null, "a precision is needed; use Precision.FP32");
    require(layerForm != null, "a layer form is needed; use LayerForm.PER_BANK");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** This config with another seed. */
  public TrainingConfig withSeed(long otherSeed) {
    return toBuilder().seed(otherSeed).build();
  }

  /** The defaults of {@link #builder()}, as a config: where tools read a default they show. */
  public static final TrainingConfig DEFAULTS = builder().build();

  /** A builder that starts from this config. */
  public Builder toBuilder() {
    return builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(learningRate)
        .schedule(schedule)
        .optimizer(optimizer)
        .seed(seed)
        .threads(threads)
        .evalBatchSize(evalBatchSize)
        .augment(augment)
        .deterministic(deterministic)
        .labelSmoothing(labelSmoothing)
        .weightDecay(weightDecay)
        .decayGabor(decayGabor)
        .gaborRateScale(gaborRateScale)
        .precision(precision)
        .flipEvaluation(flipEvaluation)
        .layerForm(layerForm);
  }

  /** A builder with the defaults below. */
  public static Builder builder() {
    return new Builder();
  }

  /** Defaults: 2 epochs, batch 64, Adam at 1e-3, seed 1, every available core. */
  public static final class Builder {
    private int epochs = 2;
    private int batchSize = 64;
    private float learningRate = 1e-3f;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private boolean deterministic = Boolean.getBoolean("gaborflow.deterministic");
    private float labelSmoothing;
    private float weightDecay;
    private boolean decayGabor;
    private float gaborRateScale = 1f;
    private Precision precision = Precision.FP32;
    private boolean flipEvaluation;
    private LayerForm layerForm = LayerForm.AUTO;
    private Optimizer optimizer = Optimizer.adam();
    private long seed = 1;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int evalBatchSize = 1000;
    private boolean augment;

    private Builder() {}

    /** Passes over the training set. */
    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Images per step. */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** The (base) learning rate. */
    public Builder learningRate(float learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** How the learning rate changes over the run (default: constant). */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    /**
     * The update rule and its settings: {@code Optimizer.adam()} (the default) or {@code
     * Optimizer.momentum(0.9f).withNesterov()}.
     */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** The seed of weights, batch order, augmentation and dropout. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** CPU threads TensorFlow may use inside one op. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Images per evaluation step. */
    public Builder evalBatchSize(int evalBatchSize) {
      this.evalBatchSize = evalBatchSize;
      return this;
    }

    /** Whether runs from one seed are bit for bit the same across builds of the graph. */
    public Builder deterministic(boolean deterministic) {
      this.deterministic = deterministic;
      return this;
    }

    /** Random crops and flips of training images. */
    public Builder augment(boolean augment) {
      this.augment = augment;
      return this;
    }

    /**
     * Training targets of {@code 1 - e + e / K} for the true class and {@code e / K} for the others
     * (K classes); evaluation keeps the one-hot targets.
     */
    public Builder labelSmoothing(float e) {
      this.labelSmoothing = e;
      return this;
    }

    /** Weight decay of learned kernels (0: none): L2 for momentum, decoupled for Adam (AdamW). */
    public Builder weightDecay(float weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Whether weight decay also pulls trained Gabor banks' values or parameters towards zero. */
    public Builder decayGabor(boolean decayGabor) {
      this.decayGabor = decayGabor;
      return this;
    }

    /**
     * The learning rate of Gabor banks' values in their training epochs, as a multiple of the
     * run's.
     */
    public Builder gaborRateScale(float scale) {
      this.gaborRateScale = scale;
      return this;
    }

    /** The arithmetic of convolutions and matrix products (default FP32). */
    public Builder precision(Precision precision) {
      this.precision = precision;
      return this;
    }

    /** Whether evaluation averages each image's class probabilities with its mirror image's. */
    public Builder flipEvaluation(boolean flipEvaluation) {
      this.flipEvaluation = flipEvaluation;
      return this;
    }

    /** How convolution layers with fixed and learned banks become ops. */
    public Builder layerForm(LayerForm layerForm) {
      this.layerForm = layerForm;
      return this;
    }

    /** The config. */
    public TrainingConfig build() {
      return new TrainingConfig(
          epochs,
          batchSize,
          learningRate,
          schedule,
          optimizer,
          seed,
          threads,
          evalBatchSize,
          augment,
          deterministic,
          labelSmoothing,
          weightDecay,
          decayGabor,
          gaborRateScale,
          precision,
          flipEvaluation,
          layerForm);
    }
  }
}
