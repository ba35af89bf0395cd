package io.gaborflow.tensorflow.train;

import org.tensorflow.Result;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Training steps run with full tracing: which ops ran and for how long, for profiling and tests. */
public final class StepTracer {
  private StepTracer() {}

  /** One training step of {@code epoch} on the first {@code count} images, traced. */
  public static StepTrace trace(TrainingSession session, int epoch, float[] images, int[] labels, int count) {
    RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    try (TFloat32 x = session.imagesTensor(images, count);
        TInt32 y = TrainingSession.labelsTensor(labels, count);
        TInt64 step = TInt64.scalarOf(0);
        Result result = session.trainRunner(epoch, step, x, y).setOptions(trace).runAndFetchMetadata()) {
      return new StepTrace(session.graph(), result.getMetadata().orElseThrow());
    }
  }
}
