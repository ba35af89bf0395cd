package io.gaborflow.cli.bench;

/**
 * A first-order estimate of the energy of training one image, from operation counts and
 * per-operation energies at 45 nm (Horowitz, "Computing's energy problem", ISSCC 2014), the figures
 * the paper's estimate rests on:
 *
 * <ul>
 *   <li>32-bit float multiply {@value #MULTIPLY_PJ} pJ, 32-bit float add {@value #ADD_PJ} pJ: each
 *       multiply-accumulate costs one of each;
 *   <li>one 32-bit read from on-chip SRAM (8 KB) per multiply-accumulate, {@value #SRAM_PJ} pJ;
 *   <li>32-bit DRAM access {@value #DRAM_PJ} pJ, for weight traffic once per batch: a learnable
 *       weight is read for the forward pass and for the input gradient, its gradient written, and
 *       it is read and written by the update (5 accesses); a fixed kernel value is only read,
 *       twice.
 * </ul>
 *
 * <p>It is an estimate for comparing variants of one network with each other, not a measurement.
 */
public final class EnergyModel {
  /** Picojoules of a 32-bit float multiplication at 45 nm. */
  public static final double MULTIPLY_PJ = 3.7;

  /** Picojoules of a 32-bit float addition at 45 nm. */
  public static final double ADD_PJ = 0.9;

  /** Picojoules of a 32-bit read from on-chip SRAM at 45 nm. */
  public static final double SRAM_PJ = 5.0;

  /** Picojoules of a 32-bit read from DRAM at 45 nm. */
  public static final double DRAM_PJ = 640.0;

  static final int LEARNABLE_ACCESSES = 5;
  static final int FIXED_ACCESSES = 2;

  private EnergyModel() {}

  /** Picojoules per training image. */
  public static double picojoulesPerImage(
      long macsPerImage, long learnableWeights, long fixedKernelValues, int batchSize) {
    double compute = macsPerImage * (MULTIPLY_PJ + ADD_PJ + SRAM_PJ);
    double weights =
        (LEARNABLE_ACCESSES * (double) learnableWeights
                + FIXED_ACCESSES * (double) fixedKernelValues)
            * DRAM_PJ
            / batchSize;
    return compute + weights;
  }
}
