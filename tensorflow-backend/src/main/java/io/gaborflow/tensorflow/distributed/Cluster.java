package io.gaborflow.tensorflow.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The worker processes of a data-parallel run and which of them this process is, in TensorFlow's
 * own convention: the {@code TF_CONFIG} environment variable ({@code {"cluster": {"worker":
 * ["host:port", ...]}, "task": {"type": "worker", "index": i}}}) or {@code --cluster host:port,...
 * --task i}. Worker 0 is the chief: it alone writes checkpoints, exports and reports.
 *
 * @param workers each worker's {@code host:port}, where its TensorFlow server listens
 * @param task this process's index in {@code workers}
 */
public record Cluster(List<String> workers, int task) {
  /** The environment variable TensorFlow and Keras read the cluster from. */
  public static final String TF_CONFIG = "TF_CONFIG";

  /** Checks every address and the index. */
  public Cluster {
    workers = List.copyOf(workers);
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one worker (host:port)");
    }
    for (String worker : workers) {
      port(worker);
    }
    if (workers.stream().distinct().count() != workers.size()) {
      throw new IllegalArgumentException("the cluster lists a worker twice: " + workers);
    }
    if (task < 0 || task >= workers.size()) {
      throw new IllegalArgumentException(
          "task index "
              + task
              + " is outside the cluster's "
              + workers.size()
              + " workers (0.."
              + (workers.size() - 1)
              + ")");
    }
  }

  /** The cluster of {@code --cluster host:port,host:port,... --task i}. */
  public static Cluster of(String workers, int task) {
    return new Cluster(Arrays.stream(workers.split(",")).map(String::trim).toList(), task);
  }

  /** The cluster {@code TF_CONFIG} describes, when it is set. */
  public static Optional<Cluster> fromEnvironment() {
    String config = System.getenv(TF_CONFIG);
    return config == null || config.isBlank()
        ? Optional.empty()
        : Optional.of(fromTfConfig(config));
  }

  /** The cluster of a {@code TF_CONFIG} text; an error names the field that is wrong. */
  public static Cluster fromTfConfig(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("TF_CONFIG is not JSON: " + e.getMessage());
    }
    JsonNode workers = root.path("cluster").path("worker");
    if (!workers.isArray() || workers.isEmpty()) {
      throw new IllegalArgumentException(
          "TF_CONFIG needs cluster.worker, a list of \"host:port\"; it has "
              + root.path("cluster"));
    }
    List<String> addresses = new ArrayList<>();
    for (JsonNode worker : workers) {
      if (!worker.isTextual()) {
        throw new IllegalArgumentException(
            "TF_CONFIG cluster.worker holds " + worker + ", not a \"host:port\" text");
      }
      addresses.add(worker.asText());
    }
    JsonNode task = root.path("task");
    if (!task.path("type").asText("worker").equals("worker")) {
      throw new IllegalArgumentException(
          "TF_CONFIG task.type is \""
              + task.path("type").asText()
              + "\"; gaborflow's workers are all of type \"worker\" (worker 0 is the chief)");
    }
    if (!task.path("index").isInt()) {
      throw new IllegalArgumentException(
          "TF_CONFIG needs task.index, this worker's place in cluster.worker; it has " + task);
    }
    return new Cluster(addresses, task.path("index").asInt());
  }

  /** The number of workers. */
  public int size() {
    return workers.size();
  }

  /** Whether this process is worker 0, which writes checkpoints, exports and reports. */
  public boolean chief() {
    return task == 0;
  }

  /** This worker's port. */
  public int port() {
    return port(workers.get(task));
  }

  /** TensorFlow's name of worker {@code index}'s tasks. */
  static String taskName(int index) {
    return "/job:worker/replica:0/task:" + index;
  }

  private static int port(String worker) {
    int colon = worker.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("worker '" + worker + "' is not host:port");
    }
    try {
      int port = Integer.parseInt(worker.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "worker '" + worker + "' has no port between 1 and 65535 after its ':'");
    }
  }
}
