package io.gaborflow.tensorflow.train;

/**
 * The learning rate of each training step, from the configured base rate: constant, decayed in
 * steps, or along a cosine to zero, each optionally after a linear warm-up. The training loop feeds
 * the rate to the update rule every step, so a schedule costs no graph change.
 */
public sealed interface LearningRateSchedule {
  /**
   * The rate of global step {@code step} (from 0) of a run of {@code totalSteps} steps of which
   * {@code stepsPerEpoch} make an epoch, for base rate {@code base}.
   */
  float rate(float base, long step, int stepsPerEpoch, long totalSteps);

  /** The base rate throughout. */
  static LearningRateSchedule constant() {
    return new Constant();
  }

  /** The base rate times {@code factor} after every {@code everyEpochs} epochs. */
  static LearningRateSchedule stepDecay(int everyEpochs, float factor) {
    return new StepDecay(everyEpochs, factor);
  }

  /** From the base rate to zero along half a cosine over the run (Loshchilov and Hutter 2017). */
  static LearningRateSchedule cosine() {
    return new Cosine();
  }

  /**
   * This schedule after a linear warm-up over the first {@code epochs} epochs: step {@code s} of
   * the warm-up has rate {@code base * (s + 1) / warmupSteps}; the schedule then runs over the
   * remaining steps as if they were the whole run.
   */
  default LearningRateSchedule withWarmup(int epochs) {
    return new Warmup(epochs, this);
  }

  /** The base rate throughout. */
  record Constant() implements LearningRateSchedule {
    @Override
    public float rate(float base, long step, int stepsPerEpoch, long totalSteps) {
      return base;
    }
  }

  /** {@code base * factor^floor(step / (everyEpochs * stepsPerEpoch))}. */
  record StepDecay(int everyEpochs, float factor) implements LearningRateSchedule {
    /** Checks the period and factor. */
    public StepDecay {
      if (everyEpochs < 1 || !(factor > 0 && factor <= 1)) {
        throw new IllegalArgumentException(
            "a step decay needs every >= 1 epochs and a factor in (0, 1], got "
                + everyEpochs
                + " and "
                + factor);
      }
    }

    @Override
    public float rate(float base, long step, int stepsPerEpoch, long totalSteps) {
      long drops = step / ((long) everyEpochs * stepsPerEpoch);
      return (float) (base * Math.pow(factor, drops));
    }
  }

  /** {@code base * (1 + cos(pi * step / totalSteps)) / 2}. */
  record Cosine() implements LearningRateSchedule {
    @Override
    public float rate(float base, long step, int stepsPerEpoch, long totalSteps) {
      return (float) (base * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps))));
    }
  }

  /** A linear warm-up over {@code epochs} epochs, then {@code after} over the remaining steps. */
  record Warmup(int epochs, LearningRateSchedule after) implements LearningRateSchedule {
    /** Checks the warm-up has an epoch at least. */
    public Warmup {
      if (epochs < 1) {
        throw new IllegalArgumentException("a warm-up needs 1 epoch or more, got " + epochs);
      }
    }

    @Override
    public float rate(float base, long step, int stepsPerEpoch, long totalSteps) {
      long warmup = (long) epochs * stepsPerEpoch;
      if (step < warmup) {
        return base * (step + 1) / warmup;
      }
      return after.rate(base, step - warmup, stepsPerEpoch, Math.max(1, totalSteps - warmup));
    }
  }
}
