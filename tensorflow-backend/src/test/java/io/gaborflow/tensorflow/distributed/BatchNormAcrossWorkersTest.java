package io.gaborflow.tensorflow.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.LocalPorts;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes train a network with batch normalisation: the batch statistics are averaged
 * like the gradients, so both end with the same weights and the same moving statistics.
 */
class BatchNormAcrossWorkersTest {
  @TempDir Path dir;

  @SuppressWarnings("unchecked")
  private static Map<String, float[]> read(Path file) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return (Map<String, float[]>) in.readObject();
    }
  }

  @Test
  void everyWorkerEndsWithTheSameWeightsAndMovingStatistics() throws Exception {
    String cluster = "127.0.0.1:" + LocalPorts.free() + ",127.0.0.1:" + LocalPorts.free();
    List<Process> workers = new ArrayList<>();
    try {
      for (int task = 0; task < 2; task++) {
        List<String> command =
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ResidualWorker.class.getName(),
                dir.resolve("worker-" + task + ".bin").toString(),
                cluster,
                Integer.toString(task));
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker-" + task + ".log").toFile());
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        workers.add(builder.start());
      }
      for (int task = 0; task < 2; task++) {
        assertTrue(
            workers.get(task).waitFor(180, TimeUnit.SECONDS), "worker " + task + " did not finish");
        assertEquals(
            0,
            workers.get(task).exitValue(),
            Files.readString(dir.resolve("worker-" + task + ".log")));
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    Map<String, float[]> first = read(dir.resolve("worker-0.bin"));
    Map<String, float[]> second = read(dir.resolve("worker-1.bin"));
    assertEquals(first.keySet(), second.keySet());
    assertTrue(
        first.keySet().stream().anyMatch(name -> name.endsWith("moving_variance")),
        first.keySet().toString());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), name + ": the workers differ");
    }
  }
}
