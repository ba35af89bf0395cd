package io.gaborflow.tensorflow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.history.EpochResult;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.testing.SessionValues;
import io.gaborflow.tensorflow.testing.SmallGaborNet;
import io.gaborflow.tensorflow.testing.SyntheticData;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.RunOptions;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import io.gaborflow.tensorflow.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after an epoch and resumed from its checkpoint ends with the same weights and the
 * same figures as a run that was never stopped (the model has dropout, so this also checks that the
 * dropout masks do not depend on how the run got there).
 */
class ResumeTest {
  private static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(3)
          .batchSize(16)
          .learningRate(5e-3f)
          .seed(21)
          .threads(2)
          .build();
  private static final Dataset DATA = SyntheticData.stripes(12, 4, 192, 48, 5);

  @TempDir Path dir;

  /** Stops the run, as a crash would, once epoch {@code after} is checkpointed. */
  private static final class CrashAfter implements TrainingListener {
    private final int after;

    CrashAfter(int after) {
      this.after = after;
    }

    @Override
    public void epochDone(EpochResult result) {
      if (result.epoch() == after) {
        throw new IllegalStateException("simulated crash");
      }
    }
  }

  static java.util.stream.Stream<io.gaborflow.tensorflow.graph.ModelGraph> models() {
    return java.util.stream.Stream.of(
        new SmallGaborNet(), new io.gaborflow.tensorflow.testing.SmallResidualNet());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("models")
  void resumedRunEndsWhereAnUninterruptedOneDoes(io.gaborflow.tensorflow.graph.ModelGraph model) {
    Map<String, float[]> uninterrupted;
    TrainingResult straight;
    try (ModelSession session = ModelSession.open(model, CONFIG)) {
      straight = Runs.train(session, DATA, TrainingListener.silent());
      uninterrupted = SessionValues.learnables(session);
    }

    RunOptions checkpointed = RunOptions.checkpointsIn(dir, true);
    try (ModelSession session = ModelSession.open(model, CONFIG)) {
      assertThrows(
          IllegalStateException.class,
          () -> Runs.train(session, DATA, new CrashAfter(2), checkpointed));
    }
    assertEquals("epoch-2", readLatest());

    Map<String, float[]> resumed;
    TrainingResult result;
    try (ModelSession session = ModelSession.open(model, CONFIG)) {
      result = Runs.train(session, DATA, TrainingListener.silent(), checkpointed);
      resumed = SessionValues.learnables(session);
    }
    for (String name : uninterrupted.keySet()) {
      assertArrayEquals(uninterrupted.get(name), resumed.get(name), name);
    }
    assertEquals(3, result.epochs().size());
    assertEquals(straight.testAccuracy(), result.testAccuracy());
    assertEquals(straight.epochs().get(0).trainLoss(), result.epochs().get(0).trainLoss());
    assertEquals(straight.epochs().get(2).trainLoss(), result.epochs().get(2).trainLoss());
  }

  @Test
  void keepsTheLatestAndThePreviousCheckpointOnly() {
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      Runs.train(session, DATA, TrainingListener.silent(), RunOptions.checkpointsIn(dir, false));
    }
    assertEquals("epoch-3", readLatest());
    assertTrue(Files.isDirectory(dir.resolve("epoch-2")));
    assertTrue(!Files.exists(dir.resolve("epoch-1")));
  }

  @Test
  void refusesACheckpointOfAnotherRun() {
    TrainingConfig otherSeed = TrainingConfig.builder().epochs(3).batchSize(16).seed(99).build();
    assertEquals(
        "checkpoint "
            + dir.resolve("epoch-3")
            + " belongs to a run with seed 21 and 3 epochs;"
            + " resume with TrainingConfig.seed 21 and TrainingConfig.epochs 3, or start afresh without RunOptions.resume",
        refusal(otherSeed));
  }

  @Test
  void refusesToResumeWithOtherIdentifyingSettings() {
    assertEquals(
        "checkpoint "
            + dir.resolve("epoch-3")
            + " belongs to a run with TrainingConfig.weightDecay 0.0 (now 5.0E-4);"
            + " resume with the run's settings, or start afresh without RunOptions.resume",
        refusal(CONFIG.toBuilder().weightDecay(5e-4f).threads(1).build()));
  }

  /** Trains with {@link #CONFIG}, then resumes with {@code other}: the refusal's message. */
  private String refusal(TrainingConfig other) {
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), CONFIG)) {
      Runs.train(session, DATA, TrainingListener.silent(), RunOptions.checkpointsIn(dir, false));
    }
    try (ModelSession session = ModelSession.open(new SmallGaborNet(), other)) {
      return assertThrows(
              IllegalArgumentException.class,
              () ->
                  Runs.train(
                      session,
                      DATA,
                      TrainingListener.silent(),
                      RunOptions.checkpointsIn(dir, true)))
          .getMessage();
    }
  }

  private String readLatest() {
    try {
      return Files.readString(dir.resolve("latest")).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
