package io.gaborflow.tensorflow.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the CPU can do, from the flags Linux lists in {@code /proc/cpuinfo}; empty where the file
 * cannot be read (another operating system), which reads as "cannot".
 *
 * @param model the CPU's model name, for messages
 * @param flags the instruction-set flags, such as {@code avx2} and {@code avx512_bf16}
 */
public record CpuFeatures(String model, Set<String> flags) {
  /** The flags that give native bfloat16 arithmetic, any one of which is enough. */
  public static final Set<String> BF16_FLAGS = Set.of("avx512_bf16", "amx_bf16");

  /** Copies the flags. */
  public CpuFeatures {
    flags = Set.copyOf(flags);
  }

  /** This machine's CPU. */
  public static CpuFeatures ofThisMachine() {
    try {
      return parse(Files.readString(Path.of("/proc/cpuinfo")));
    } catch (IOException | UnsupportedOperationException e) {
      return new CpuFeatures("unknown CPU (no /proc/cpuinfo)", Set.of());
    }
  }

  /** The features in the text of a {@code /proc/cpuinfo}; its first processor's. */
  public static CpuFeatures parse(String cpuinfo) {
    String model = "unknown CPU";
    Set<String> flags = Set.of();
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("model name") && model.equals("unknown CPU")) {
        model = value;
      } else if (key.equals("flags") && flags.isEmpty()) {
        flags = Arrays.stream(value.split("\\s+")).collect(Collectors.toSet());
      }
    }
    return new CpuFeatures(model, flags);
  }

  /**
   * What tells this CPU from another for timings: its model and flags (as a short digest) and the
   * processors the JVM sees, such as {@code AMD EPYC 7B13 / 2 processors / flags 3f9a0c12d4e1}.
   */
  public String fingerprint(int processors) {
    String sorted = String.join(" ", new java.util.TreeSet<>(flags));
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(sorted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return model
          + " / "
          + processors
          + " processors / flags "
          + java.util.HexFormat.of().formatHex(digest, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Whether the CPU computes in bfloat16 natively. */
  public boolean bf16() {
    return BF16_FLAGS.stream().anyMatch(flags::contains);
  }
}
