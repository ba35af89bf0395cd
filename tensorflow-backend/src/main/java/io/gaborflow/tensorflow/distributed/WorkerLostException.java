package io.gaborflow.tensorflow.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step of a cluster's training failed because a worker died, cannot be reached, or did not answer
 * within the timeout. The message names the worker and what to do: restart every worker with {@code
 * --resume}, which continues from the chief's last checkpoint.
 */
public final class WorkerLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final Pattern REMOTE_TASK = Pattern.compile("/job:worker/replica:0/task:(\\d+)");

  private WorkerLostException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The failure of a step in {@code cluster}, from TensorFlow's error: the workers it names, else
   * the workers that do not accept a connection now, else all the others.
   */
  public static WorkerLostException of(Cluster cluster, Duration timeout, RuntimeException cause) {
    List<Integer> lost = new ArrayList<>();
    Matcher matcher = REMOTE_TASK.matcher(String.valueOf(cause.getMessage()));
    while (matcher.find()) {
      int task = Integer.parseInt(matcher.group(1));
      if (task != cluster.task() && task < cluster.size() && !lost.contains(task)) {
        lost.add(task);
      }
    }
    if (lost.isEmpty()) {
      for (int task = 0; task < cluster.size(); task++) {
        if (task != cluster.task() && !answers(cluster.workers().get(task))) {
          lost.add(task);
        }
      }
    }
    StringBuilder named = new StringBuilder();
    for (int task : lost) {
      named
          .append(named.length() == 0 ? "" : ", ")
          .append("worker ")
          .append(task)
          .append(" (")
          .append(cluster.workers().get(task))
          .append(')');
    }
    String who = lost.isEmpty() ? "another worker" : named.toString();
    String first =
        String.valueOf(cause.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    return new WorkerLostException(
        "worker "
            + cluster.task()
            + " stops: "
            + who
            + " died, cannot be reached or did"
            + " not answer within "
            + timeout.toSeconds()
            + " s ("
            + first.trim()
            + "); restart every worker with RunOptions.resume"
            + " to continue from the chief's last checkpoint",
        cause);
  }

  private static boolean answers(String worker) {
    int colon = worker.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              worker.substring(0, colon), Integer.parseInt(worker.substring(colon + 1))),
          1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
