package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real training process killed with SIGKILL in the middle of an epoch, then resumed, ends with
 * exactly the weights of a run that was never interrupted.
 */
class KillAndResumeTest {
  private static final List<String> RUN =
      List.of(
          "train",
          "--model",
          "gabor-lenet",
          "--data",
          "embedded",
          "--limit-train",
          "3000",
          "--limit-test",
          "300",
          "--epochs",
          "3",
          "--seed",
          "5",
          "--threads",
          "2");

  @TempDir Path dir;

  @Test
  void killedRunResumesToTheSameWeights() throws Exception {
    Path straight = dir.resolve("straight");
    Path killed = dir.resolve("killed");
    assertEquals(0, Main.commandLine().execute(args(straight, false)));

    Process process =
        JavaProcesses.start(
            Main.class, List.of(args(killed, false)), ProcessBuilder.Redirect.DISCARD);
    try {
      JavaProcesses.waitFor(() -> latestEpoch(killed) >= 1, 240);
      Thread.sleep(400); // into epoch 2
      assertTrue(process.isAlive(), "the run ended before it could be killed");
      process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    } finally {
      process.destroyForcibly();
    }
    int reached = latestEpoch(killed);
    assertTrue(reached < 3, "killed after epoch " + reached);

    assertEquals(0, Main.commandLine().execute(args(killed, true)));
    CheckpointStore.Checkpoint a = new CheckpointStore(straight).latest().orElseThrow();
    CheckpointStore.Checkpoint b = new CheckpointStore(killed).latest().orElseThrow();
    assertEquals(3, b.state().epoch());
    assertEquals(a.state().variables().keySet(), b.state().variables().keySet());
    for (String variable : a.state().variables().keySet()) {
      assertArrayEquals(a.read(variable), b.read(variable), variable);
    }
    assertEquals(
        a.state().epochs().get(2).testAccuracy(), b.state().epochs().get(2).testAccuracy());
  }

  private static String[] args(Path checkpoints, boolean resume) {
    List<String> args = new ArrayList<>(RUN);
    args.add("--checkpoint-dir");
    args.add(checkpoints.toString());
    if (resume) {
      args.add("--resume");
    }
    return args.toArray(String[]::new);
  }

  private static int latestEpoch(Path checkpoints) {
    try {
      Path latest = checkpoints.resolve("latest");
      if (!Files.isRegularFile(latest)) {
        return 0;
      }
      return Integer.parseInt(Files.readString(latest).trim().substring("epoch-".length()));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
