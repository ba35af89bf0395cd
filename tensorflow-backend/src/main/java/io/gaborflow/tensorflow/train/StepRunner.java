package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.data.Batch;
import io.gaborflow.tensorflow.graph.BuiltNetwork;
import io.gaborflow.tensorflow.placement.Placement;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
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
    try (BatchFeed feed = BatchFeed.imagesAndLabels(training, batch);
        TInt64 step = TInt64.scalarOf(globalStep);
        TFloat32 rate = TFloat32.scalarOf(learningRate)) {
      Session.Runner runner = runner(epoch, step, feed).feed(training.learningRate(), rate);
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
    try (BatchFeed feed = BatchFeed.imagesAndLabels(training, batch);
        TInt64 step = TInt64.scalarOf(0);
        Result result = runner(epoch, step, feed).setOptions(options).runAndFetchMetadata()) {
      return result.getMetadata().orElseThrow();
    }
  }

  private Session.Runner runner(int epoch, TInt64 step, BatchFeed feed) {
    BuiltNetwork network = training.network();
    Session.Runner runner =
        feed.into(session.runner()).feed(network.step(), step).addTarget(training.updateOp(epoch));
    network.statisticUpdates().forEach(runner::addTarget);
    return runner.fetch(training.loss());
  }
}
