package io.gaborflow.tensorflow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.data.BatchPlan;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.graph.LearnableVariable;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each schedule gives, step by step, the rate its formula says, and the loop trains with it. */
class LearningRateScheduleTest {
  private static final float BASE = 0.01f;
  private static final int EPOCHS = 4;
  private static final int STEPS = 5; // 80 training images in batches of 16
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 80, 16, 2);

  static Stream<Arguments> schedules() {
    long total = (long) EPOCHS * STEPS;
    LongFunction<Double> cosine = s -> BASE * 0.5 * (1 + Math.cos(Math.PI * s / total));
    LongFunction<Double> stepDecay = s -> BASE * Math.pow(0.5, s / (2 * STEPS));
    LongFunction<Double> warmupCosine =
        s ->
            s < STEPS
                ? BASE * (s + 1.0) / STEPS
                : BASE * 0.5 * (1 + Math.cos(Math.PI * (s - STEPS) / (total - STEPS)));
    LongFunction<Double> linear = s -> BASE * (1 - (double) s / total);
    // One cycle peaking at a quarter of the 20 steps: up over 5 steps, down over 15.
    LongFunction<Double> oneCycleLinear =
        s -> s < 5 ? BASE * (s + 1.0) / 5 : BASE * (1 - (s - 5.0) / (total - 5));
    LongFunction<Double> oneCycleCosine =
        s ->
            s < 5
                ? BASE * (s + 1.0) / 5
                : BASE * 0.5 * (1 + Math.cos(Math.PI * (s - 5.0) / (total - 5)));
    return Stream.of(
        Arguments.of("linear", LearningRateSchedule.linear(), linear),
        Arguments.of(
            "one cycle, linear down",
            LearningRateSchedule.oneCycle(0.25, LearningRateSchedule.linear()),
            oneCycleLinear),
        Arguments.of(
            "one cycle, cosine down",
            LearningRateSchedule.oneCycle(0.25, LearningRateSchedule.cosine()),
            oneCycleCosine),
        Arguments.of(
            "constant", LearningRateSchedule.constant(), (LongFunction<Double>) s -> (double) BASE),
        Arguments.of("step", LearningRateSchedule.stepDecay(2, 0.5f), stepDecay),
        Arguments.of("cosine", LearningRateSchedule.cosine(), cosine),
        Arguments.of(
            "warm-up then cosine", LearningRateSchedule.cosine().withWarmup(1), warmupCosine));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void eachStepUsesTheFormulasRate(
      String name, LearningRateSchedule schedule, LongFunction<Double> formula) {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(EPOCHS)
            .batchSize(16)
            .learningRate(BASE)
            .schedule(schedule)
            .optimizer(Optimizer.momentum(0.9f))
            .seed(3)
            .threads(2)
            .build();
    List<Float> rates = new ArrayList<>();
    TrainingListener recorder =
        new TrainingListener() {
          @Override
          public void stepDone(StepEvent step) {
            rates.add(step.learningRate());
          }
        };
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      Runs.train(session, DATA, recorder);
    }
    assertEquals(EPOCHS * STEPS, rates.size());
    for (int s = 0; s < rates.size(); s++) {
      assertEquals(formula.apply(s), rates.get(s), 1e-7, name + " at step " + s);
    }
  }

  @Test
  void theFedRateIsTheStepSize() {
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(16)
            .optimizer(Optimizer.momentum(0.9f))
            .seed(3)
            .threads(2)
            .build();
    float[] images = new float[16 * 144];
    int[] labels = new int[16];
    DATA.train().copyBatch(BatchPlan.order(DATA.train().size(), 3, 1), 0, 16, images, labels);
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), config)) {
      session.initialize(3);
      LearnableVariable logits =
          session.network().learnables().get(session.network().learnables().size() - 2);
      float[] before = session.valueOf(logits.variable());
      session.trainStep(1, 0, 0f, Batch.of(images, labels, 16, images.length / labels.length));
      assertArrayEquals(before, session.valueOf(logits.variable()), "a rate of 0 changes nothing");
      session.trainStep(1, 1, 0.1f, Batch.of(images, labels, 16, images.length / labels.length));
      assertFalse(
          java.util.Arrays.equals(before, session.valueOf(logits.variable())),
          "a rate of 0.1 does");
    }
  }
}
