package io.gaborflow.core.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * The one rule for naming a network's parts: the processor's comments and diagnostics, the
 * lowering's TensorFlow name scopes, checkpoints, exports, the step tracer and filter sources all
 * read and write names through here.
 *
 * <p>A node is {@code layer<i>} by its place in the declaration (from 1); a block's nodes nest
 * under the use, {@code layer3/block2/layer1}; a bank is {@code <node scope>/<field name>}.
 */
public final class Scopes {
  private static final String LAYER = "layer";
  private static final String BLOCK = "block";
  private static final char SEPARATOR = '/';

  private Scopes() {}

  /**
   * The scope of the {@code index}-th declared layer (from 1) under {@code parent} ("" at the top).
   */
  public static String layer(String parent, int index) {
    return parent.isEmpty() ? LAYER + index : parent + SEPARATOR + LAYER + index;
  }

  /** The scope of the {@code repeat}-th use (from 1) of a block declared at {@code useScope}. */
  public static String block(String useScope, int repeat) {
    return useScope + SEPARATOR + BLOCK + repeat;
  }

  /** The path of bank {@code bankName} of the node at {@code nodeScope}. */
  public static String bank(String nodeScope, String bankName) {
    return nodeScope + SEPARATOR + bankName;
  }

  /** The path of {@code name} under {@code scope}: a variable's role under its bank, for one. */
  public static String child(String scope, String name) {
    return scope + SEPARATOR + name;
  }

  /** The parts of {@code path}, outermost first. */
  public static List<String> parts(String path) {
    return List.of(path.split(String.valueOf(SEPARATOR)));
  }

  /** Whether {@code path} is {@code scope} itself or lies under it. */
  public static boolean within(String path, String scope) {
    return path.equals(scope) || path.startsWith(scope + SEPARATOR);
  }

  /** The index (from 1) of the top-level layer that {@code path} lies in, if it lies in one. */
  public static OptionalInt topLayerIndex(String path) {
    String first = parts(path).get(0);
    if (first.length() > LAYER.length()
        && first.startsWith(LAYER)
        && first.substring(LAYER.length()).chars().allMatch(Character::isDigit)) {
      return OptionalInt.of(Integer.parseInt(first.substring(LAYER.length())));
    }
    return OptionalInt.empty();
  }

  /** The scope of the node that bank path {@code path} belongs to: all but its last part. */
  public static String nodeOf(String bankPath) {
    int split = bankPath.lastIndexOf(SEPARATOR);
    return split < 0 ? "" : bankPath.substring(0, split);
  }

  /** The last part of {@code path}: a bank's field name. */
  public static String lastPart(String path) {
    return path.substring(path.lastIndexOf(SEPARATOR) + 1);
  }
}
