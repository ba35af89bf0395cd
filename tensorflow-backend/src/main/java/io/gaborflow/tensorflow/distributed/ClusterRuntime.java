package io.gaborflow.tensorflow.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
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
 * This process's part of a cluster: TensorFlow's in-process gRPC server for its task, sessions
 * that run on it, and the collective ops that average tensors over every worker. The averaging is
 * TensorFlow's own {@code CollectiveReduce} (the op Python's {@code MultiWorkerMirroredStrategy}
 * uses): a ring all-reduce over gRPC between the workers' collective executors, on the CPU; the
 * same op runs NCCL on GPUs. Each tensor to average gets an instance key from a counter, so every
 * worker, building the same graph in the same order, pairs its ops with the others'.
 */
public final class ClusterRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRuntime.class);
  private static final String JOB = "worker";
  private static final int GROUP_KEY = 1;

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
    ServerDef serverDef = ServerDef.newBuilder()
        .setCluster(clusterDef)
        .setJobName(JOB)
        .setTaskIndex(cluster.task())
        .setProtocol("grpc")
        .setDefaultSessionConfig(sessionConfig(1))
        .build();
    this.server = new Server(serverDef);
    server.start();
  }

  /**
   * Starts this process's server. A peer that has not answered a collective within {@code
   * timeout} makes the step fail, so a dead or unreachable worker stops the others.
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
   * A session running {@code graph} on this worker's server, its ops kept on this worker's CPU
   * (the device filter), the collectives led by worker 0.
   */
  public Session openSession(Graph graph, int threads) {
    return RemoteSession.open(graph, "grpc://localhost:" + cluster.port(), sessionConfig(threads));
  }

  private ConfigProto sessionConfig(int threads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(Math.min(2, threads))
        .addDeviceFilters("/job:" + JOB + "/task:" + cluster.task())
        .setExperimental(ConfigProto.Experimental.newBuilder().setCollectiveGroupLeader(Cluster.taskName(0)))
        .build();
  }

  /** Each of {@code local} averaged over every worker's value of it: all workers get the same result. */
  public List<Operand<TFloat32>> mean(Ops tf, List<Operand<TFloat32>> local) {
    List<Operand<TFloat32>> averaged = new ArrayList<>();
    for (Operand<TFloat32> tensor : local) {
      int key = ++instanceKeys;
      Graph graph = (Graph) tf.scope().env();
      averaged.add(graph.opBuilder("CollectiveReduce", "all_reduce_" + key, tf.scope())
          .addInput(tensor.asOutput())
          .setAttr("T", DataType.DT_FLOAT)
          .setAttr("group_size", cluster.size())
          .setAttr("group_key", GROUP_KEY)
          .setAttr("instance_key", key)
          .setAttr("merge_op", "Add")
          .setAttr("final_op", "Div")
          .setAttr("subdiv_offsets", new long[] {0})
          .setAttr("communication_hint", "ring")
          .setAttr("timeout_seconds", (float) timeout.toMillis() / 1000f)
          .build()
          .<TFloat32>output(0));
    }
    return averaged;
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
      LOG.debug("the TensorFlow server of task {} stays up until the process exits: {}", cluster.task(),
          e.getMessage());
    }
  }
}
