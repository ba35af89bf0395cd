package io.gaborflow.cli.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.cli.JavaProcesses;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-parallel training over real worker processes on 127.0.0.1: every worker holds the same
 * weights after every sampled step, and they are the weights of one process training on the global
 * batch, up to the order in which floats are summed.
 */
class DistributedTrainingTest {
  /**
   * One process averages 64 per-image gradients in one sum; two workers each average 32 and then
   * average the two: the same numbers added in another order, which moves the last bits of each
   * gradient (float32, ~1e-7 relative), and Adam's division by the root of the squared gradients
   * carries that into the weights. The largest difference measured after the 20 steps is 2e-6
   * (bench/README.md); 2e-5 is ten times that and a fiftieth of one Adam step at the learning rate
   * 1e-3, so a shard that trained on other images, or a gradient that was not averaged, fails.
   */
  private static final float TOLERANCE = 2e-5f;

  @TempDir Path dir;

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static Process worker(Path out, String cluster, int task) throws IOException {
    return JavaProcesses.start(
        ClusterWorker.class,
        List.of(out.toString(), cluster, Integer.toString(task)),
        ProcessBuilder.Redirect.to(out.resolveSibling(out.getFileName() + ".log").toFile()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, float[]> read(Path file) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
      return (Map<String, float[]>) in.readObject();
    }
  }

  @Test
  void twoWorkersTrainLikeOneProcessWithTheGlobalBatch() throws Exception {
    String cluster = "127.0.0.1:" + freePort() + ",127.0.0.1:" + freePort();
    List<Process> workers = new ArrayList<>();
    try {
      for (int task = 0; task < 2; task++) {
        workers.add(worker(dir.resolve("worker-" + task), cluster, task));
      }
      for (int task = 0; task < 2; task++) {
        assertTrue(
            workers.get(task).waitFor(240, TimeUnit.SECONDS), "worker " + task + " did not finish");
        assertEquals(
            0,
            workers.get(task).exitValue(),
            () ->
                "worker failed: "
                    + log(dir.resolve("worker-0.log"))
                    + log(dir.resolve("worker-1.log")));
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    ClusterWorker.main(new String[] {dir.resolve("alone").toString()});

    List<String> samples = new ArrayList<>(ClusterWorker.SAMPLED);
    samples.add("final");
    for (String sample : samples) {
      Map<String, float[]> first = read(dir.resolve("worker-0/" + sample + ".bin"));
      Map<String, float[]> second = read(dir.resolve("worker-1/" + sample + ".bin"));
      Map<String, float[]> alone = read(dir.resolve("alone/" + sample + ".bin"));
      assertEquals(alone.keySet(), first.keySet());
      for (String name : alone.keySet()) {
        assertArrayEquals(
            first.get(name), second.get(name), sample + " " + name + ": the workers differ");
        assertArrayEquals(
            alone.get(name),
            first.get(name),
            TOLERANCE,
            sample + " " + name + ": not one process's");
      }
    }
  }

  static String log(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
