package io.gaborflow.tensorflow.train;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_UpdateEdge;

import io.gaborflow.tensorflow.runtime.NativeGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Input;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * Makes every {@code ReluGrad} of a training graph read its {@code Relu}'s output instead of its
 * input. The two give the same gradient (the output is positive exactly where the input is), but
 * TensorFlow's C++ gradient, which {@code Graph.addGradients} uses, reads the input: that gives the
 * op before the ReLU (a bias addition, a batch normalisation) a second reader, and grappler then
 * cannot fuse it with the ReLU into the convolution, as it does for Python's graphs, whose gradient
 * reads the output. Unfused, the ReLU and its gradient are separate memory-bound passes, which cost
 * most in bfloat16.
 *
 * <p>TensorFlow Java has no public way to change an edge: the C API's {@code TF_UpdateEdge} does it
 * on the graph's native handle ({@link NativeGraph}). Where that fails (another TensorFlow Java),
 * the graph is left as it is, with a warning: the step is then slower, never wrong.
 */
final class ReluGradients {
  private static final Logger LOG = LoggerFactory.getLogger(ReluGradients.class);

  private ReluGradients() {}

  /** Rewires the {@code ReluGrad}s of {@code graph}; returns how many now read a ReLU's output. */
  static int readOutputs(Graph graph) {
    Map<Output<?>, GraphOperation> reluByInput = new HashMap<>();
    List<GraphOperation> gradients = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("Relu")) {
        reluByInput.put(op.input(0), op);
      } else if (op.type().equals("ReluGrad")) {
        gradients.add(op);
      }
    }
    if (gradients.isEmpty()) {
      return 0;
    }
    try {
      return NativeGraph.withHandle(graph, handle -> rewire(handle, gradients, reluByInput));
    } catch (ReflectiveOperationException e) {
      LOG.warn(
          "cannot reach the graph's native handle ({}); ReLU gradients keep reading the ReLU's"
              + " input, which keeps grappler from fusing the ReLU",
          e.toString());
      return 0;
    }
  }

  private static int rewire(
      TF_Graph handle, List<GraphOperation> gradients, Map<Output<?>, GraphOperation> reluByInput) {
    TF_Status status = TF_NewStatus();
    try {
      int rewired = 0;
      for (GraphOperation gradient : gradients) {
        GraphOperation relu = reluByInput.get(gradient.input(1));
        if (relu == null) {
          continue;
        }
        TF_Output source = new TF_Output().oper(relu.getUnsafeNativeHandle()).index(0);
        TF_Input target = new TF_Input().oper(gradient.getUnsafeNativeHandle()).index(1);
        TF_UpdateEdge(handle, source, target, status);
        if (TF_GetCode(status) != 0) {
          throw new IllegalStateException(
              "cannot rewire " + gradient.name() + ": " + TF_Message(status).getString());
        }
        rewired++;
      }
      return rewired;
    } finally {
      TF_DeleteStatus(status);
    }
  }
}
