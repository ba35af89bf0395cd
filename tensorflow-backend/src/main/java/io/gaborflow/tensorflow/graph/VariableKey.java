package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.Scopes;

/**
 * The name of a variable: the node's scope, the bank or layer it belongs to, and its role. The
 * graph name joins them with dots ({@code layer3.conv2.kernel}), at the root scope, because the
 * optimizers derive slot names from it and reject a '/'.
 */
public record VariableKey(String scope, String owner, Role role) {
  /** What a variable holds. */
  public enum Role {
    /** A convolution's or dense layer's weights. */
    KERNEL("kernel"),
    /** A bias per output. */
    BIAS("bias"),
    /** Batch normalisation's scale. */
    GAMMA("gamma"),
    /** Batch normalisation's offset. */
    BETA("beta"),
    /** Batch normalisation's moving mean. */
    MOVING_MEAN("moving_mean"),
    /** Batch normalisation's moving variance. */
    MOVING_VARIANCE("moving_variance"),
    /** A parametric Gabor bank's orientations θ, in radians. */
    THETA("theta"),
    /** A parametric Gabor bank's phases ψ, in radians. */
    PSI("psi"),
    /** The natural logarithm of a parametric Gabor bank's wavelengths λ. */
    LOG_LAMBDA("log_lambda"),
    /** The natural logarithm of a parametric Gabor bank's envelope widths σ. */
    LOG_SIGMA("log_sigma"),
    /** The natural logarithm of a parametric Gabor bank's aspect ratios γ. */
    LOG_GAMMA("log_gamma");

    private final String suffix;

    Role(String suffix) {
      this.suffix = suffix;
    }

    /** The last part of the variable's name. */
    public String suffix() {
      return suffix;
    }
  }

  /** The path of the bank or layer: {@code layer3/conv2}. */
  public String ownerPath() {
    return Scopes.bank(scope, owner);
  }

  /** The name in checkpoints and reports: {@code layer3/conv2/kernel}. */
  public String path() {
    return Scopes.child(ownerPath(), role.suffix());
  }

  /** The op name in the graph: {@code layer3.conv2.kernel}. */
  public String graphName() {
    return path().replace('/', '.');
  }
}
