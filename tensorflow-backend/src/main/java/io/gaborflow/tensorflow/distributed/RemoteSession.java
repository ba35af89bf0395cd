package io.gaborflow.tensorflow.distributed;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_GetCode;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_Message;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewStatus;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTarget;

import io.gaborflow.tensorflow.runtime.NativeGraph;
import java.lang.reflect.Constructor;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * The one bridge past TensorFlow Java's public API: a {@link Session} on a server's target ({@code
 * grpc://host:port}). Every public {@code Session} constructor passes a null target to the C API,
 * so the session is made with the exported C bindings ({@code TF_SetTarget}, {@code TF_NewSession})
 * and wrapped with {@code Session}'s package-private constructor, reached by reflection; the
 * graph's native handle comes from {@link NativeGraph}. The session then behaves as any other:
 * runners, save, restore, close. If a TensorFlow Java release changes those two members, this class
 * fails with a message naming them, and docs/architecture.md says what to do.
 */
final class RemoteSession {
  private RemoteSession() {}

  /** A session running {@code graph} through the TensorFlow server at {@code target}. */
  static Session open(Graph graph, String target, ConfigProto config) {
    TF_Status status = TF_NewStatus();
    TF_SessionOptions options = TF_NewSessionOptions();
    try {
      TF_SetTarget(options, target);
      byte[] bytes = config.toByteArray();
      try (BytePointer serialized = new BytePointer(bytes)) {
        TF_SetConfig(options, serialized, bytes.length, status);
        check(status, "the session configuration was refused");
      }
      TF_Session session;
      try {
        session = NativeGraph.withHandle(graph, handle -> TF_NewSession(handle, options, status));
      } catch (ReflectiveOperationException e) {
        throw unsupported("Graph.ref().nativeHandle()", e);
      }
      check(status, "no session could be opened on " + target);
      return wrap(graph, session);
    } finally {
      TF_DeleteSessionOptions(options);
      TF_DeleteStatus(status);
    }
  }

  private static void check(TF_Status status, String what) {
    if (TF_GetCode(status) != 0) {
      throw new IllegalStateException(what + ": " + TF_Message(status).getString());
    }
  }

  private static Session wrap(Graph graph, TF_Session session) {
    try {
      Constructor<Session> constructor =
          Session.class.getDeclaredConstructor(Graph.class, TF_Session.class);
      constructor.setAccessible(true);
      return constructor.newInstance(graph, session);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unsupported("Session(Graph, TF_Session)", e);
    }
  }

  private static IllegalStateException unsupported(String member, Exception cause) {
    return new IllegalStateException(
        "this TensorFlow Java has no usable "
            + member
            + ", which sessions on a"
            + " cluster need; gaborflow's distributed training is built for TensorFlow Java 1.1.0",
        cause);
  }
}
