package io.gaborflow.tensorflow.distributed;

import io.gaborflow.tensorflow.runtime.Precision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Server;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.JobDef;
import org.tensorflow.proto.ServerDef;
import org.tensorflow.types.TFloat32;

/**
 * This process's part of a cluster: TensorFlow's in-process gRPC server for its task, sessions that
 * run on it, and the collective ops that average tensors over every worker. The averaging is
 * TensorFlow's own {@code CollectiveReduce} (the op Python's {@code MultiWorkerMirroredStrategy}
 * uses): a ring all-reduce over gRPC between the workers' collective executors, on the CPU; the
 * same op runs NCCL on GPUs. Each tensor to average gets an instance key from a counter, so every
 * worker, building the same graph in the same order, pairs its ops with the others'.
 */
public final class ClusterRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRuntime.class);
  private static final String JOB = "worker";
  private static final int GROUP_KEY = 1;

  /** Above every gradient's key: the gradients count theirs from 1. */
  private static final int AGREEMENT_KEY = 1 << 30;

  private final Cluster cluster;
  private final Duration timeout;
  private final Server server;
  private int instanceKeys;

  private ClusterRuntime(Cluster cluster, Duration timeout) {
    this.cluster = cluster;
    this.timeout = timeout;
    ClusterDef.Builder clusterDef = ClusterDef.newBuilder();
    JobDef.Builder job = JobDef.newBuilder().setName(JOB);
    for (int i = 0; i < cluster.size(); i++) {
      job.putTasks(i, cluster.workers().get(i));
    }
    clusterDef.addJob(job);
    ServerDef serverDef =
        ServerDef.newBuilder()
            .setCluster(clusterDef)
            .setJobName(JOB)
            .setTaskIndex(cluster.task())
            .setProtocol("grpc")
            .setDefaultSessionConfig(sessionConfig(1, Precision.FP32))
            .build();
    this.server = new Server(serverDef);
    server.start();
  }

  /**
   * Starts this process's server. A peer that has not answered a collective within {@code timeout}
   * makes the step fail, so a dead or unreachable worker stops the others.
   */
  public static ClusterRuntime start(Cluster cluster, Duration timeout) {
    return new ClusterRuntime(cluster, timeout);
  }

  /** The cluster this process is part of. */
  public Cluster cluster() {
    return cluster;
  }

  /** How long a collective waits for the other workers. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * A session running {@code graph} on this worker's server, its ops kept on this worker's CPU (the
   * device filter), the collectives led by worker 0.
   */
  public Session openSession(Graph graph, int threads, Precision precision) {
    return RemoteSession.open(
        graph, "grpc://localhost:" + cluster.port(), sessionConfig(threads, precision));
  }

  private ConfigProto sessionConfig(int threads, Precision precision) {
    return precision
        .sessionConfig(threads)
        .addDeviceFilters("/job:" + JOB + "/task:" + cluster.task())
        .setExperimental(
            ConfigProto.Experimental.newBuilder().setCollectiveGroupLeader(Cluster.taskName(0)))
        .build();
  }

  /**
   * Each of {@code local} averaged over every worker's value of it: all workers get the same
   * result.
   */
  public List<Operand<TFloat32>> mean(Ops tf, List<Operand<TFloat32>> local) {
    List<Operand<TFloat32>> averaged = new ArrayList<>();
    for (Operand<TFloat32> tensor : local) {
      averaged.add(collective(tf, tensor, "Add", ++instanceKeys, timeout.toMillis() / 1000f));
    }
    return averaged;
  }

  /**
   * The {@code fields} whose values are not the same on every worker, compared once before
   * training, each named with the smallest and largest of its values over the workers where it can
   * show them (for two workers, both values): each value is hashed into a number and, beside it,
   * put as a number of its own; two collectives take every number's largest and smallest over the
   * workers. Waits for every worker to get there, without the step timeout, since workers start at
   * different times.
   */
  public List<String> disagreements(Graph graph, Session session, List<RunField> fields) {
    Ops tf = Ops.create(graph).withSubScope("agreement");
    int n = fields.size();
    float[] numbers = new float[2 * n];
    for (int i = 0; i < n; i++) {
      // 24 bits: exact in a float.
      numbers[i] = fields.get(i).value().hashCode() & 0xffffff;
      numbers[n + i] = (float) fields.get(i).number();
    }
    Operand<TFloat32> local = tf.constant(numbers);
    Output<TFloat32> largest = collective(tf, local, "Max", AGREEMENT_KEY, 0f);
    Output<TFloat32> smallest = collective(tf, local, "Min", AGREEMENT_KEY + 1, 0f);
    try (Result result = session.runner().fetch(largest).fetch(smallest).run()) {
      TFloat32 max = (TFloat32) result.get(0);
      TFloat32 min = (TFloat32) result.get(1);
      List<String> differing = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (max.getFloat(i) != min.getFloat(i)) {
          RunField field = fields.get(i);
          float low = min.getFloat(n + i);
          float high = max.getFloat(n + i);
          differing.add(
              field.show() == null || low == high
                  ? field.name()
                  : field.name()
                      + " ("
                      + field.show().apply(low)
                      + " and "
                      + field.show().apply(high)
                      + ")");
        }
      }
      return differing;
    }
  }

  private Output<TFloat32> collective(
      Ops tf, Operand<TFloat32> tensor, String merge, int key, float timeoutSeconds) {
    Graph graph = (Graph) tf.scope().env();
    return graph
        .opBuilder("CollectiveReduce", tf.scope().makeOpName("all_reduce_" + key), tf.scope())
        .addInput(tensor.asOutput())
        .setAttr("T", DataType.DT_FLOAT)
        .setAttr("group_size", cluster.size())
        .setAttr("group_key", GROUP_KEY)
        .setAttr("instance_key", key)
        .setAttr("merge_op", merge)
        .setAttr("final_op", merge.equals("Add") ? "Div" : "Id")
        .setAttr("subdiv_offsets", new long[] {0})
        .setAttr("communication_hint", "ring")
        .setAttr("timeout_seconds", timeoutSeconds)
        .build()
        .output(0);
  }

  /**
   * Releases the server. TensorFlow cannot stop a gRPC server cleanly ("Clean shutdown is not
   * currently implemented"), so its port stays bound until the process exits; a worker process
   * trains once and exits.
   */
  @Override
  public void close() {
    try {
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug(
          "the TensorFlow server of task {} stays up until the process exits: {}",
          cluster.task(),
          e.getMessage());
    }
  }
}
