package io.gaborflow.tensorflow.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorFlow's own settings, which its native library reads from the process environment when it
 * loads: gaborflow sets each one the user has not set, before it first loads TensorFlow (building a
 * graph, opening an export, reading a checkpoint).
 *
 * <ul>
 *   <li>{@code TF_CPP_MIN_LOG_LEVEL=1}: TensorFlow's info lines (CPU features, oneDNN notes) stay
 *       out of the application's output; warnings and errors still show. The lines TensorFlow
 *       prints at start-up whatever this level are dropped by {@link NativeStartup}, the later
 *       lines of its Abseil logging that this level does not reach by {@link NativeLogFilter}.
 *   <li>{@code TF_ENABLE_ONEDNN_OPTS=1}: oneDNN's CPU kernels, which train gaborflow's models
 *       faster (bench/README.md); TensorFlow's default differs between builds and CPUs.
 *   <li>{@code TF_AUTO_MIXED_PRECISION_GRAPH_REWRITE_DENYLIST_ADD=Mean} and {@code
 *       ..._INFERLIST_REMOVE=Mean}: in {@code Precision.BF16}, means (a global average pooling
 *       before the logits) stay float32, as Keras' mixed policy keeps a model's output layer; in
 *       bfloat16 they cost NiN about a point of CIFAR-10 accuracy (bench/README.md).
 * </ul>
 *
 * <p>Java cannot change its own process's environment, so the values go through the C library's
 * {@code setenv} (JNA), without overwriting: a value the user exported wins. They take effect only
 * if TensorFlow has not been loaded yet, by gaborflow or by the application.
 */
public final class TensorFlowEnvironment {
  private static final Logger LOG = LoggerFactory.getLogger(TensorFlowEnvironment.class);

  /** The prefix of the variables that edit grappler's mixed-precision op lists. */
  private static final String KEEP_FLOAT32 = "TF_AUTO_MIXED_PRECISION_GRAPH_REWRITE_";

  /** The settings gaborflow applies when they are not set, in the order they are applied. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static boolean applied;

  private TensorFlowEnvironment() {}

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("TF_CPP_MIN_LOG_LEVEL", "1");
    defaults.put("TF_ENABLE_ONEDNN_OPTS", "1");
    defaults.put(KEEP_FLOAT32 + "DENYLIST_ADD", "Mean");
    defaults.put(KEEP_FLOAT32 + "INFERLIST_REMOVE", "Mean");
    return java.util.Collections.unmodifiableMap(defaults);
  }

  /** The C library's environment functions. */
  interface CLibrary extends Library {
    int setenv(String name, String value, int overwrite);

    String getenv(String name);

    int dup(int fd);

    int dup2(int fd, int target);

    int open(String path, int flags);

    int close(int fd);

    int mkfifo(String path, int mode);

    int fcntl(int fd, int command, int argument);
  }

  /**
   * Applies {@link #DEFAULTS} once, before the first TensorFlow use, and loads TensorFlow's native
   * library, failing with the Maven dependency to add when it is missing, and takes it through its
   * start-up without the lines it prints whatever the log level ({@link NativeStartup}); the log
   * level then also holds for TensorFlow's Abseil lines ({@link NativeLogFilter}). Later calls do
   * nothing.
   */
  public static synchronized void ensure() {
    if (!applied) {
      applied = true;
      setUnset(DEFAULTS);
      NativeLogFilter.install();
      loadNativeLibrary();
      NativeStartup.run();
    }
  }

  /** The artifact whose classifier jar holds TensorFlow's native library. */
  public static final String NATIVE_ARTIFACT = "org.tensorflow:tensorflow-core-native:1.1.0";

  private static void loadNativeLibrary() {
    try {
      org.tensorflow.TensorFlow.version();
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
      applied = false;
      throw new IllegalStateException(
          "TensorFlow's native library cannot be loaded ("
              + e
              + "); add the dependency "
              + NATIVE_ARTIFACT
              + " with the classifier of this platform, "
              + platformClassifier()
              + " (linux-x86_64-gpu for CUDA), beside gaborflow-tensorflow-backend",
          e);
    }
  }

  /** TensorFlow Java's classifier for this operating system and processor. */
  static String platformClassifier() {
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(java.util.Locale.ROOT);
    String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : "arm64";
    String system = os.contains("mac") ? "macosx" : os.contains("win") ? "windows" : "linux";
    return system + "-" + cpu;
  }

  /** Sets each of {@code values} that the process environment does not have yet. */
  static void setUnset(Map<String, String> values) {
    if (Platform.isWindows()) {
      LOG.debug(
          "TensorFlow settings are not applied on Windows; set {} in the environment", values);
      return;
    }
    CLibrary c = Native.load("c", CLibrary.class);
    values.forEach(
        (name, value) -> {
          if (c.setenv(name, value, 0) != 0) {
            LOG.warn("could not set {}={} for TensorFlow; set it in the environment", name, value);
          }
        });
  }

  /** The process environment's value of {@code name} as native code sees it, or null. */
  static String nativeValue(String name) {
    return Native.load("c", CLibrary.class).getenv(name);
  }
}
