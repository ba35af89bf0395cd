package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.placement.Placement;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Op;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Runs optimizer steps of a training graph in a session: feeds a batch, updates, returns the loss.
 */
final class StepRunner {
  private final Session session;
  private final TrainingGraph training;
  private final Placement placement;

  StepRunner(Session session, TrainingGraph training, Placement placement) {
    this.session = session;
    this.training = training;
    this.placement = placement;
  }

  /**
   * One step of {@code epoch} (from 1) at {@code learningRate}; {@code globalStep} seeds dropout.
   */
  float run(int epoch, long globalStep, float learningRate, Batch batch) {
    try (TFloat32 x = BatchTensors.images(batch, training.network.spec().input());
        TInt32 y = BatchTensors.labels(batch);
        TInt64 step = TInt64.scalarOf(globalStep);
        TFloat32 rate = TFloat32.scalarOf(learningRate)) {
      Session.Runner runner = runner(epoch, step, x, y).feed(training.learningRate, rate);
      try (Result result = runner.run()) {
        return ((TFloat32) result.get(0)).getFloat();
      } catch (TensorFlowException e) {
        throw placement.stepFailed(e);
      }
    }
  }

  /** One step at the graph's base learning rate, traced: what each op did and how long it took. */
  RunMetadata trace(int epoch, Batch batch) {
    RunOptions options =
        RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.SOFTWARE_TRACE).build();
    try (TFloat32 x = BatchTensors.images(batch, training.network.spec().input());
        TInt32 y = BatchTensors.labels(batch);
        TInt64 step = TInt64.scalarOf(0);
        Result result = runner(epoch, step, x, y).setOptions(options).runAndFetchMetadata()) {
      return result.getMetadata().orElseThrow();
    }
  }

  private Session.Runner runner(int epoch, TInt64 step, TFloat32 x, TInt32 y) {
    List<Op> updateOpByEpoch = training.updateOpByEpoch;
    if (epoch < 1 || epoch > updateOpByEpoch.size()) {
      throw new IllegalArgumentException(
          "epoch "
              + epoch
              + " is outside this session's run of "
              + updateOpByEpoch.size()
              + " epochs");
    }
    BuiltNetwork network = training.network;
    Session.Runner runner =
        session
            .runner()
            .feed(network.images(), x)
            .feed(training.labels, y)
            .feed(network.step(), step)
            .addTarget(updateOpByEpoch.get(epoch - 1));
    network.statisticUpdates().forEach(runner::addTarget);
    return runner.fetch(training.loss);
  }
}
