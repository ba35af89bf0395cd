package io.gaborflow.cli.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaborflow.cli.JavaProcesses;
import io.gaborflow.cli.Main;
import io.gaborflow.tensorflow.checkpoint.CheckpointStore;
import io.gaborflow.tensorflow.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed with SIGKILL mid-epoch: the other stops within the timeout, naming it, and a
 * restart of both with {@code --resume} ends with the weights of a run never interrupted. The
 * uninterrupted run's report says it was made by two workers sharing each global batch.
 */
class WorkerKilledTest {
  private static final int TIMEOUT_SECONDS = 10;
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
          "1",
          "--deterministic",
          "--worker-timeout",
          Integer.toString(TIMEOUT_SECONDS));

  @TempDir Path dir;

  private static List<Process> start(Path checkpoints, boolean resume, Path logs, String... more)
      throws IOException {
    List<String> args = new ArrayList<>(RUN);
    args.addAll(List.of("--checkpoint-dir", checkpoints.toString()));
    args.addAll(List.of(more));
    if (resume) {
      args.add("--resume");
    }
    return start(List.of(args, args), logs);
  }

  /**
   * Worker processes of {@code gaborflow}'s command line, one per argument list, in a cluster on
   * 127.0.0.1.
   */
  static List<Process> start(List<List<String>> argsByTask, Path logs) throws IOException {
    StringBuilder cluster = new StringBuilder();
    for (int task = 0; task < argsByTask.size(); task++) {
      cluster
          .append(task == 0 ? "" : ",")
          .append("127.0.0.1:")
          .append(DistributedTrainingTest.freePort());
    }
    List<Process> workers = new ArrayList<>();
    for (int task = 0; task < argsByTask.size(); task++) {
      List<String> args = new ArrayList<>(argsByTask.get(task));
      args.addAll(List.of("--cluster", cluster.toString(), "--task", Integer.toString(task)));
      workers.add(
          JavaProcesses.start(
              Main.class,
              args,
              ProcessBuilder.Redirect.to(logs.resolve("worker-" + task + ".log").toFile())));
    }
    return workers;
  }

  private static void finish(List<Process> workers, Path logs) throws Exception {
    for (int task = 0; task < workers.size(); task++) {
      assertTrue(
          workers.get(task).waitFor(240, TimeUnit.SECONDS), "worker " + task + " did not finish");
      int t = task;
      assertEquals(
          0,
          workers.get(task).exitValue(),
          () -> DistributedTrainingTest.log(logs.resolve("worker-" + t + ".log")));
    }
  }

  private static int latestEpoch(Path checkpoints) {
    return new CheckpointStore(checkpoints).latest().map(c -> c.state().epoch()).orElse(0);
  }

  @Test
  void workersOfDifferentRunsAreRefusedNamingWhatDiffers() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<String> other = new ArrayList<>(RUN);
    other.set(RUN.indexOf("--limit-train") + 1, "2000");
    List<Process> workers = start(List.of(RUN, other), logs);
    try {
      for (int task = 0; task < 2; task++) {
        assertTrue(workers.get(task).waitFor(120, TimeUnit.SECONDS), "worker " + task + " hangs");
        assertNotEquals(0, workers.get(task).exitValue());
        String log = Files.readString(logs.resolve("worker-" + task + ".log"));
        assertTrue(
            log.contains(
                "worker "
                    + task
                    + " refuses to train: the workers differ in data; start every worker"
                    + " with the same model, data and settings"),
            log);
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void workersThatDifferInWeightDecayAreRefusedNamingBothValues() throws Exception {
    refusedNaming(
        List.of("--weight-decay", "0"),
        List.of("--weight-decay", "5e-4"),
        "the workers differ in --weight-decay (0.0 and 5.0E-4)");
  }

  @Test
  void workersThatDifferInPrecisionAreRefusedNamingBothValues() throws Exception {
    assumeTrue(
        io.gaborflow.tensorflow.runtime.CpuFeatures.ofThisMachine().bf16(),
        "this CPU has no bf16 to train a worker in");
    refusedNaming(
        List.of("--precision", "fp32"),
        List.of("--precision", "bf16"),
        "the workers differ in --precision (FP32 and BF16)");
  }

  private void refusedNaming(List<String> first, List<String> second, String expected)
      throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<String> a = new ArrayList<>(RUN);
    a.addAll(first);
    List<String> b = new ArrayList<>(RUN);
    b.addAll(second);
    List<Process> workers = start(List.of(a, b), logs);
    try {
      for (int task = 0; task < 2; task++) {
        assertTrue(workers.get(task).waitFor(120, TimeUnit.SECONDS), "worker " + task + " hangs");
        assertNotEquals(0, workers.get(task).exitValue());
        String log = Files.readString(logs.resolve("worker-" + task + ".log"));
        assertTrue(log.contains("worker " + task + " refuses to train: " + expected), log);
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void aWorkerThatCannotSeeTheChiefsCheckpointsIsRefusedOnResume() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<String> small =
        List.of(
            "train",
            "--model",
            "gabor-lenet",
            "--data",
            "embedded",
            "--limit-train",
            "640",
            "--limit-test",
            "100",
            "--epochs",
            "2",
            "--seed",
            "5",
            "--threads",
            "1",
            "--deterministic",
            "--resume");
    List<String> shared = new ArrayList<>(small);
    shared.addAll(List.of("--checkpoint-dir", dir.resolve("shared").toString()));
    List<Process> workers = start(List.of(shared, shared), logs);
    try {
      finish(workers, logs);
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    List<String> elsewhere = new ArrayList<>(small);
    elsewhere.addAll(List.of("--checkpoint-dir", dir.resolve("elsewhere").toString()));
    workers = start(List.of(shared, elsewhere), logs);
    try {
      for (int task = 0; task < 2; task++) {
        assertTrue(workers.get(task).waitFor(120, TimeUnit.SECONDS), "worker " + task + " hangs");
        assertNotEquals(0, workers.get(task).exitValue());
        String log = Files.readString(logs.resolve("worker-" + task + ".log"));
        assertTrue(
            log.contains(
                "the workers differ in starting point (every worker must see the chief's"
                    + " checkpoints in --checkpoint-dir)"),
            log);
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void theOtherWorkerStopsNamingItAndAResumedClusterEndsAsIfNeverInterrupted() throws Exception {
    Path straight = dir.resolve("straight");
    Path killed = dir.resolve("killed");
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Path report = dir.resolve("report.json");
    List<Process> workers = start(straight, false, logs, "--report", report.toString());
    try {
      finish(workers, logs);
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    JsonNode written = new ObjectMapper().readTree(report.toFile());
    assertEquals(2, written.get("workers").asInt(), written.toString());
    int batch = TrainingConfig.DEFAULTS.batchSize();
    assertEquals(batch, written.get("global_batch").asInt(), written.toString());
    assertEquals(batch / 2, written.get("batch_per_worker").asInt(), written.toString());

    workers = start(killed, false, logs);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (latestEpoch(killed) < 1 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(300); // into epoch 2
      assertTrue(workers.get(1).isAlive(), "the run ended before worker 1 could be killed");
      workers.get(1).destroyForcibly(); // SIGKILL
      long killedAt = System.nanoTime();
      assertTrue(workers.get(0).waitFor(TIMEOUT_SECONDS + 20, TimeUnit.SECONDS), "worker 0 hangs");
      double seconds = (System.nanoTime() - killedAt) / 1e9;
      assertTrue(seconds < TIMEOUT_SECONDS + 5, "worker 0 took " + seconds + " s to stop");
      assertNotEquals(0, workers.get(0).exitValue());
      String log = Files.readString(logs.resolve("worker-0.log"));
      assertTrue(log.contains("worker 0 stops: worker 1 (127.0.0.1:"), log);
      assertTrue(log.contains("restart every worker with --resume"), log);
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    int reached = latestEpoch(killed);
    assertTrue(reached >= 1 && reached < 3, "killed after epoch " + reached);

    workers = start(killed, true, logs);
    try {
      finish(workers, logs);
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    CheckpointStore.Checkpoint a = new CheckpointStore(straight).latest().orElseThrow();
    CheckpointStore.Checkpoint b = new CheckpointStore(killed).latest().orElseThrow();
    assertEquals(3, b.state().epoch());
    for (String variable : a.state().variables().keySet()) {
      assertArrayEquals(a.read(variable), b.read(variable), variable);
    }
  }
}
