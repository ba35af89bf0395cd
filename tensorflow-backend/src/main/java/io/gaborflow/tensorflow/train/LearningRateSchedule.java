package io.gaborflow.tensorflow.train;

/**
 * The learning rate of each training step, from the configured base rate: constant, decayed in
 * steps, or linearly or along a cosine to zero, each optionally after a linear warm-up; or one
 * cycle, up to the base rate and down again. The training loop feeds the rate to the update rule
 * every step, so a schedule costs no graph change.
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

  /** From the base rate to zero along a straight line over the run. */
  static LearningRateSchedule linear() {
    return new Linear();
  }

  /**
   * One cycle (Smith and Topin 2019): linearly up to the base rate over the first {@code peakAt} of
   * the run's steps, then down to zero by {@code down}, {@link #linear()} or {@link #cosine()},
   * over the rest. Step {@code s} of the way up has rate {@code base * (s + 1) / upSteps}.
   */
  static LearningRateSchedule oneCycle(double peakAt, LearningRateSchedule down) {
    return new OneCycle(peakAt, down);
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

  /** {@code base * (1 - step / totalSteps)}. */
  record Linear() implements LearningRateSchedule {
    @Override
    public float rate(float base, long step, int stepsPerEpoch, long totalSteps) {
      return (float) (base * Math.max(0, 1 - (double) step / Math.max(1, totalSteps)));
    }
  }

  /** Up linearly over the first {@code peakAt} of the run, then {@code down} over the rest. */
  record OneCycle(double peakAt, LearningRateSchedule down) implements LearningRateSchedule {
    /** Checks the peak lies inside the run and the way down ends at zero. */
    public OneCycle {
      if (!(peakAt > 0 && peakAt < 1)) {
        throw new IllegalArgumentException(
            "one cycle peaks at a fraction of the run in (0, 1), got " + peakAt);
      }
      if (!(down instanceof Linear || down instanceof Cosine)) {
        throw new IllegalArgumentException(
            "one cycle comes down linearly or along a cosine, not by " + down);
      }
    }

    @Override
    public float rate(float base, long step, int stepsPerEpoch, long totalSteps) {
      long up = Math.max(1, Math.round(peakAt * totalSteps));
      if (step < up) {
        return base * (step + 1) / up;
      }
      return down.rate(base, step - up, stepsPerEpoch, Math.max(1, totalSteps - up));
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
