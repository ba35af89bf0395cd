package io.gaborflow.tensorflow.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.internal.c_api.TF_Graph;

/**
 * A graph's native handle, which TensorFlow Java keeps package-private ({@code Graph.ref()}, then
 * {@code nativeHandle()}): the one way to TensorFlow's C API for what the Java API lacks (a session
 * on a server's target, an edge moved). Reached by reflection, so a TensorFlow Java release that
 * renames those members makes {@link #withHandle} fail, and its callers say what is lost.
 */
public final class NativeGraph {
  private NativeGraph() {}

  /**
   * What {@code action} makes of {@code graph}'s native handle, the graph held open meanwhile.
   *
   * @throws ReflectiveOperationException when this TensorFlow Java has no such members
   */
  public static <T> T withHandle(Graph graph, Function<TF_Graph, T> action)
      throws ReflectiveOperationException {
    Object reference = invoke(graph, "ref");
    try {
      return action.apply((TF_Graph) invoke(reference, "nativeHandle"));
    } finally {
      invoke(reference, "close");
    }
  }

  private static Object invoke(Object target, String name) throws ReflectiveOperationException {
    Method method = target.getClass().getDeclaredMethod(name);
    method.setAccessible(true);
    try {
      return method.invoke(target);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
