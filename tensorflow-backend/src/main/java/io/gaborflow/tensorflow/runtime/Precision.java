package io.gaborflow.tensorflow.runtime;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * The arithmetic of a run's convolutions and matrix products. Variables, optimizer state,
 * batch-normalisation statistics and the loss stay float32 in every precision, and so do
 * checkpoints and exports.
 */
public enum Precision {
  /** float32 throughout. */
  FP32,
  /**
   * Mixed bfloat16: TensorFlow's grappler rewrites eligible ops to bfloat16 through oneDNN ({@code
   * auto_mixed_precision_onednn_bfloat16}), keeping variables in float32; it needs a CPU with
   * native bfloat16 ({@link CpuFeatures#BF16_FLAGS}), without which it is slower than FP32.
   */
  BF16;

  /**
   * Fails, naming the setting and the CPU flag, when {@code cpu} cannot run this precision at
   * speed.
   */
  public void requireSupportedBy(CpuFeatures cpu) {
    if (this == BF16 && !cpu.bf16()) {
      throw new IllegalArgumentException(
          "TrainingConfig.precision BF16 needs a CPU with native bfloat16 (flag avx512_bf16 or"
              + " amx_bf16 in /proc/cpuinfo); this "
              + cpu.model()
              + " has neither, and would run bfloat16 slower than float32. Train in FP32 here, or"
              + " on an Intel Cooper Lake, Sapphire Rapids or later, or AMD Zen 4 or later CPU");
    }
  }

  /** A session configuration of {@code threads} threads in this precision. */
  public ConfigProto.Builder sessionConfig(int threads) {
    ConfigProto.Builder config =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(threads)
            .setInterOpParallelismThreads(Math.min(2, threads));
    if (this == BF16) {
      config.setGraphOptions(
          GraphOptions.newBuilder()
              .setRewriteOptions(
                  RewriterConfig.newBuilder()
                      .setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
    }
    return config;
  }
}
